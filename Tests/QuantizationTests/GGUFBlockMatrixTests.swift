import Foundation
import Testing
import Tensors
@testable import Quantization

/// Products straight from Q8_0/Q4_0 blocks against the readable version and against
/// dequantize-then-multiply.
@Suite("Matrix–vector products on quantized blocks")
struct GGUFBlockMatrixTests {
    func random(_ count: Int, _ rng: inout SplitMix64) -> [Float] { (0..<count).map { _ in rng.nextNormal() } }

    @Test(arguments: [GGMLTensorType.q8_0, .q4_0])
    func blocksGiveTheDequantizedProduct(type: GGMLTensorType) throws {
        var rng = SplitMix64(seed: 7)
        for (rows, columns) in [(1, 32), (3, 64), (17, 96), (1024, 1024)] {
            let weights = random(rows * columns, &rng), x = random(columns, &rng)
            let tensor = try GGUFTensor(name: "w", shape: [rows, columns], values: weights, type: type)
            let matrix = try GGUFBlockMatrix(tensor)
            // The oracle: the dequantized matrix as floats, multiplied in Double.
            let dequantized = tensor.values()
            let expected = (0..<rows).map { r in (0..<columns).reduce(0.0) { $0 + Double(dequantized[r * columns + $1]) * Double(x[$1]) } }
            let fast = matrix.multiply(x), reference = matrix.multiplyReference(x)
            let scale = max(1, expected.map(abs).max() ?? 1)
            let worstFast = zip(fast, expected).map { abs(Double($0) - $1) }.max()!
            let worstReference = zip(reference, expected).map { abs(Double($0) - $1) }.max()!
            #expect(worstFast < 1e-4 * scale, "\(type) \(rows)×\(columns): fast off by \(worstFast)")
            #expect(worstReference < 1e-4 * scale, "\(type) \(rows)×\(columns): reference off by \(worstReference)")
        }
    }

    @Test func quantizationErrorIsWhatTheFormatPredicts() throws {
        var rng = SplitMix64(seed: 3)
        let (rows, columns) = (64, 256)
        let weights = random(rows * columns, &rng), x = random(columns, &rng)
        let exact = (0..<rows).map { r in (0..<columns).reduce(Float(0)) { $0 + weights[r * columns + $1] * x[$1] } }
        func error(_ type: GGMLTensorType) throws -> Float {
            let y = try GGUFBlockMatrix(GGUFTensor(name: "w", shape: [rows, columns], values: weights, type: type)).multiply(x)
            return zip(y, exact).map { abs($0 - $1) }.reduce(0, +) / Float(rows)
        }
        // 8-bit codes are about 16 times finer than 4-bit ones.
        let (q8, q4) = (try error(.q8_0), try error(.q4_0))
        #expect(q8 > 0 && q8 * 8 < q4, "Q8_0 \(q8), Q4_0 \(q4)")
    }

    @Test func refusesWhatItCannotMultiply() {
        #expect(throws: QuantizationError.self) {
            try GGUFBlockMatrix(GGUFTensor(name: "v", shape: [32], values: [Float](repeating: 1, count: 32), type: .q8_0))
        }
        #expect(throws: QuantizationError.self) {
            try GGUFBlockMatrix(GGUFTensor(name: "f", shape: [2, 32], values: [Float](repeating: 1, count: 64), type: .f16))
        }
    }
}
