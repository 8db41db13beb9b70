import Foundation
import LLMCourseKit

// The reference answer, mirroring the course library's GPTQ column loop line for line
// (Sources/Quantization/GPTQ/GPTQ.swift, region "gptq-column").
func gptqColumnStep(block: inout [[Double]], column i: Int, uRow: [Double],
                    quantize: (Double, Int) -> Double) -> (quantized: [Double], errors: [Double]) {
    let d = uRow[i]
    var quantized: [Double] = [], errors: [Double] = []
    for r in block.indices {
        let x = block[r][i]
        let value = quantize(x, r)
        let e = (x - value) / d
        for j in i..<block[r].count { block[r][j] -= e * uRow[j] }
        quantized.append(value)
        errors.append(e)
    }
    return (quantized, errors)
}
