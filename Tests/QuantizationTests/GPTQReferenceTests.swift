import Testing
import Quantization
import Tensors

/// The fast GPTQ (LAPACK, one GEMM per block, pointers) against the plain one (arrays and loops).
@Suite struct GPTQReferenceTests {
    static func layer(rows: Int, columns: Int, samples: Int, seed: UInt64) throws -> (weight: [Double], hessian: [Double]) {
        var rng = SplitMix64(seed: seed)
        let weight = (0..<(rows * columns)).map { _ in Double(rng.nextNormal()) * 0.05 }
        var inputs = (0..<(samples * columns)).map { _ in rng.nextNormal() }
        for s in 0..<samples { inputs[s * columns + 3] *= 10 }   // an outlier feature
        for s in 0..<samples { inputs[s * columns + 5] = 0 }     // a dead input
        var h = HessianAccumulator(width: columns)
        try h.add(inputs)
        return (weight, h.hessian)
    }

    static let configurations: [GPTQConfiguration] = [
        GPTQConfiguration(bits: 4, blockSize: 8),
        GPTQConfiguration(bits: 3, groupSize: 4, blockSize: 8),
        GPTQConfiguration(bits: 4, groupSize: 8, actOrder: true, blockSize: 16),
        GPTQConfiguration(bits: 4, groupSize: 8, actOrder: true, staticGroups: true, symmetric: true, blockSize: 8),
    ]

    @Test(arguments: configurations)
    func fastMatchesPlain(configuration: GPTQConfiguration) throws {
        let (rows, columns) = (12, 32)
        let (weight, hessian) = try Self.layer(rows: rows, columns: columns, samples: 64, seed: 5)
        let fast = try GPTQ.quantize(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: configuration)
        let plain = try GPTQReference.quantize(weight: weight, rows: rows, columns: columns, hessian: hessian,
                                               configuration: configuration)
        #expect(fast.permutation == plain.permutation)
        // Rounding decisions may flip where a value sits on a grid midpoint to 1e-12; allow one in a hundred.
        let differing = zip(fast.codes, plain.codes).filter { $0 != $1 }.count
        #expect(differing * 100 <= fast.codes.count, "\(differing) of \(fast.codes.count) codes differ")
        for i in fast.codes.indices where fast.codes[i] == plain.codes[i] {
            #expect(abs(fast.dequantized[i] - plain.dequantized[i]) < 1e-9)
        }
        #expect(fast.scales.count == plain.scales.count)
        for (a, b) in zip(fast.scales, plain.scales) { #expect(abs(a - b) < 1e-9) }
        #expect(abs(fast.loss - plain.loss) <= 1e-6 * max(1, fast.loss))
    }

    @Test func columnStepSpreadsTheScaledError() {
        // Two rows, a block of 3 columns, column 0: e = (x − q) / U_jj, then W1[r, 0:] −= e · U[j, 0:].
        var block: [[Double]] = [[0.7, 1, 2], [-0.2, 3, 4]]
        let step = GPTQReference.columnStep(block: &block, column: 0, uRow: [2, 0.5, -1]) { x, _ in x.rounded() }
        #expect(step.quantized == [1, 0])
        #expect(abs(step.errors[0] - (0.7 - 1) / 2) < 1e-15 && abs(step.errors[1] - (-0.2) / 2) < 1e-15)
        #expect(abs(block[0][1] - (1 - step.errors[0] * 0.5)) < 1e-15)
        #expect(abs(block[1][2] - (4 + step.errors[1])) < 1e-15)
    }
}
