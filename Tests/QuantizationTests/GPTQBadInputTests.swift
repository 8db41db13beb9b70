import Testing
import Tensors
@testable import Quantization

@Suite("GPTQ on difficult input")
struct GPTQBadInputTests {
    func layer(rows: Int = 8, columns: Int = 16, seed: UInt64 = 1) -> (w: [Double], x: [Float]) {
        var rng = SplitMix64(seed: seed)
        return ((0..<rows * columns).map { _ in Double(rng.nextNormal()) }, (0..<64 * columns).map { _ in rng.nextNormal() })
    }

    @Test("dead inputs (H_jj = 0) get H_jj = 1 and zero weights, as in the reference")
    func deadInputs() throws {
        var (w, x) = layer()
        for r in 0..<64 { x[r * 16 + 3] = 0 }   // input 3 never fires: its Hessian row and column are 0
        var h = HessianAccumulator(width: 16)
        try h.add(x)
        let result = try GPTQ.quantize(weight: w, rows: 8, columns: 16, hessian: h.hessian, configuration: GPTQConfiguration(bits: 4))
        for r in 0..<8 { #expect(abs(result.dequantized[r * 16 + 3]) < 0.5) }
        w[3] = .infinity
        #expect(throws: QuantizationError.nonFiniteValue(what: "the weight", index: 3)) {
            try GPTQ.quantize(weight: w, rows: 8, columns: 16, hessian: h.hessian, configuration: GPTQConfiguration(bits: 4))
        }
    }

    @Test("an indefinite Hessian without dampening is reported, not silently used")
    func notPositiveDefinite() throws {
        let (w, _) = layer()
        var h = [Double](repeating: 0, count: 256)
        for j in 0..<16 { h[j * 16 + j] = j == 7 ? -1 : 1 }
        #expect(throws: QuantizationError.self) {
            try GPTQ.quantize(weight: w, rows: 8, columns: 16, hessian: h, configuration: GPTQConfiguration(bits: 4, dampening: 0))
        }
    }

    @Test("unsupported widths, groups that do not divide, bad settings")
    func settings() throws {
        let (w, x) = layer()
        var acc = HessianAccumulator(width: 16)
        try acc.add(x)
        let h = acc.hessian
        for (c, expected) in [(GPTQConfiguration(bits: 9), QuantizationError.unsupportedBits(9, supported: 2...8)),
                              (GPTQConfiguration(bits: 4, groupSize: 5), .groupSizeDoesNotDivide(groupSize: 5, width: 16))] {
            #expect(throws: expected) { try GPTQ.quantize(weight: w, rows: 8, columns: 16, hessian: h, configuration: c) }
        }
        #expect(throws: QuantizationError.self) {
            try GPTQ.quantize(weight: w, rows: 8, columns: 16, hessian: h, configuration: GPTQConfiguration(blockSize: 0))
        }
    }

    @Test("2…8 bits: error falls with bits and GPTQ beats round-to-nearest; static groups + act-order work")
    func bitWidths() throws {
        let (w, x) = layer(rows: 16, columns: 32, seed: 9)
        var acc = HessianAccumulator(width: 32)
        try acc.add(x)
        let xd = x.map(Double.init)
        var previous = Double.infinity
        for bits in 2...8 {
            let c = GPTQConfiguration(bits: bits, groupSize: 16, actOrder: true, staticGroups: bits % 2 == 0, blockSize: 8)
            let r = try GPTQ.quantize(weight: w, rows: 16, columns: 32, hessian: acc.hessian, configuration: c)
            let e = GPTQ.outputError(weight: w, quantized: r.dequantized, rows: 16, columns: 32, inputs: xd)
            let rtn = try GPTQ.roundToNearest(weight: w, rows: 16, columns: 32, configuration: c)
            let eRTN = GPTQ.outputError(weight: w, quantized: rtn.dequantized, rows: 16, columns: 32, inputs: xd)
            #expect(e < eRTN, "bits \(bits)")
            #expect(e < previous, "bits \(bits)")
            #expect(r.codes.allSatisfy { $0 >= 0 && $0 < 1 << bits })
            previous = e
        }
    }
}
