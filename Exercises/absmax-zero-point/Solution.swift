import Foundation
import LLMCourseKit

// The reference answer: the course library's QuantizedMatrix per tensor at 8 bits
// (Sources/Quantization/Basics/LinearQuantizer.swift, regions "quantize" and "dequantize").
func absmaxQuantize(_ x: [Float]) -> (codes: [Int32], step: Float) {
    let q = try! QuantizedMatrix(Tensor(x), scheme: .absmax)
    return (q.codes, q.steps[0])
}

func zeroPointQuantize(_ x: [Float]) -> (codes: [Int32], step: Float, zero: Int32) {
    let q = try! QuantizedMatrix(Tensor(x), scheme: .zeroPoint)
    return (q.codes, q.steps[0], q.zeroPoints[0])
}

func dequantize(_ codes: [Int32], step: Float, zero: Int32 = 0) -> [Float] {
    codes.map { QuantizedMatrix.dequantize($0, step: step, zero: zero) }
}
