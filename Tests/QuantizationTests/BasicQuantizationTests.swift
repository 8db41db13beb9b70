import Foundation
import Testing
import Tensors
@testable import Quantization

@Suite("Absmax, zero-point, number formats, LLM.int8()")
struct BasicQuantizationTests {
    @Test("absmax with max 3.2 maps 0.1 to round(127/3.2·0.1) = 4, which dequantizes to ≈ 0.1008")
    func absmaxLiteratureExample() throws {
        let q = try QuantizedMatrix(Tensor([3.2, 0.1, -1.0]), scheme: .absmax)
        #expect(q.codes == [127, 4, -40])
        let back = q.dequantized().scalars
        #expect(abs(back[1] - 0.10079) < 1e-4)
        #expect(abs(back[0] - 3.2) < 1e-6)
    }

    @Test("zero-point uses the whole signed range: min → −128, max → 127")
    func zeroPointRange() throws {
        let q = try QuantizedMatrix(Tensor([-1.0, 0.0, 3.0]), scheme: .zeroPoint)
        #expect(q.codes.first == -128 && q.codes.last == 127)
        #expect(q.zeroPoints == [-64])             // −round(−1/(4/255)) − 128
        let back = q.dequantized().scalars
        #expect(back[1] == 0)                        // zero stays exact
        #expect(abs(back[0] + 1) < 4.0 / 255 / 2 + 1e-6)
    }

    @Test("per-row and per-group errors are never above per-tensor errors on rows of different scale")
    func granularity() throws {
        var rng = SplitMix64(seed: 7)
        let rows = (0..<4).flatMap { r in (0..<64).map { _ in rng.nextNormal() * Float(1 << (2 * r)) } }
        let w = Tensor(shape: [4, 64], scalars: rows)
        func mse(_ g: Granularity) throws -> Double {
            ErrorStatistics(original: w, reconstruction: try QuantizedMatrix(w, scheme: .absmax, granularity: g, bits: 4).dequantized()).mse
        }
        let (t, r, g) = (try mse(.tensor), try mse(.row), try mse(.group(16)))
        #expect(r < t && g <= r)
        let q8 = try QuantizedMatrix(w, scheme: .zeroPoint, granularity: .group(16), bits: 8)
        #expect(q8.steps.count == 16)
        #expect(ErrorStatistics(original: w, reconstruction: q8.dequantized()).snrDecibels > 40)
    }

    @Test("error statistics: max/mean abs, MSE and SNR")
    func statistics() {
        let s = ErrorStatistics(original: [1, 2, 3, 4], reconstruction: [1, 2, 3, 3])
        #expect(s.maxAbs == 1 && s.meanAbs == 0.25 && s.mse == 0.25)
        #expect(abs(s.snrDecibels - 10 * log10(30.0)) < 1e-9)
        #expect(ErrorStatistics(original: [1], reconstruction: [1]).snrDecibels == .infinity)
    }

    @Test("bit layouts of FP32, FP16, BF16 and INT8")
    func bitLayouts() {
        #expect(NumberFormat.fp32.bitString(1.0) == "0 01111111 00000000000000000000000")
        #expect(NumberFormat.fp16.bitString(-2.0) == "1 10000 0000000000")
        #expect(NumberFormat.bf16.bitString(3.14159) == "0 10000000 1001001")
        #expect(NumberFormat.int8.bitString(-1) == "11111111")
        #expect(NumberFormat.fp16.roundTrip(3.14159) == 3.140625)
        #expect(NumberFormat.bf16.roundTrip(3.14159) == 3.140625)
        #expect(NumberFormat.fp16.largestFinite == 65504)
        #expect(NumberFormat.fp16.roundTrip(70000) == .infinity)   // FP16's range ends at 65504
        #expect(NumberFormat.bf16.roundTrip(70000).isFinite)        // BF16 keeps FP32's range
    }

    @Test("LLM.int8(): outlier columns stay in floating point and the product stays close")
    func llmInt8() throws {
        var rng = SplitMix64(seed: 3)
        var x = Tensor.normal([8, 32], using: &rng)
        for i in 0..<8 { x.scalars[i * 32 + 5] = 20 + Float(i) }   // an outlier feature
        let w = Tensor.normal([16, 32], std: 0.1, using: &rng)
        let exact = x.matmul(w, transposeOther: true)
        let mixed = try LLMInt8Product(x, weight: w)
        #expect(mixed.outlierColumns == [5])
        let mixedError = ErrorStatistics(original: exact, reconstruction: mixed.output)
        // Plain row-wise int8 of the same product: the outlier crushes the rest of each row of x.
        let plain = try LLMInt8Product(x, weight: w, threshold: 1e9)
        #expect(plain.outlierColumns.isEmpty)
        let plainError = ErrorStatistics(original: exact, reconstruction: plain.output)
        #expect(mixedError.mse < plainError.mse / 4)
        #expect(mixedError.snrDecibels > 35)
    }

    @Test("bad input: non-finite values, bit widths, group sizes, shapes")
    func badInput() {
        #expect(throws: QuantizationError.nonFiniteValue(what: "the tensor", index: 1)) {
            try QuantizedMatrix(Tensor([1, .nan, 2]), scheme: .absmax)
        }
        #expect(throws: QuantizationError.unsupportedBits(1, supported: 2...8)) {
            try QuantizedMatrix(Tensor([1, 2]), scheme: .absmax, bits: 1)
        }
        #expect(throws: QuantizationError.groupSizeDoesNotDivide(groupSize: 5, width: 8)) {
            try QuantizedMatrix(Tensor(shape: [2, 8], scalars: Array(repeating: 1, count: 16)), scheme: .absmax, granularity: .group(5))
        }
        #expect(throws: QuantizationError.self) { try LLMInt8Product(Tensor.zeros([2, 3]), weight: Tensor.zeros([2, 4])) }
        let message = QuantizationError.groupSizeDoesNotDivide(groupSize: 5, width: 48).description
        #expect(message.contains("16"))
    }

    @Test("an all-zero block quantizes to zeros without dividing by zero")
    func zeros() throws {
        let q = try QuantizedMatrix(Tensor.zeros([2, 4]), scheme: .zeroPoint, granularity: .row, bits: 4)
        #expect(q.dequantized().scalars.allSatisfy { $0 == 0 })
    }
}
