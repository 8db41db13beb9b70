import Foundation
import Testing
@testable import Quantization

/// The float64 GPTQ reference in Fixtures/gptq.json (W 32×128, X 512×128, four settings).
struct GPTQFixture: Decodable {
    struct Case: Decodable {
        let bits: Int
        let groupsize: Int
        let act_order: Bool
        let sym: Bool
        let blocksize: Int
        let percdamp: Double
        let dequantized: [[Double]]
        let codes: [[Int]]
        let output_error: Double
        let rtn_output_error: Double

        var configuration: GPTQConfiguration {
            GPTQConfiguration(bits: bits, groupSize: groupsize > 0 ? groupsize : nil, actOrder: act_order,
                              symmetric: sym, blockSize: blocksize, dampening: percdamp)
        }
    }
    let W: [[Double]]
    let X: [[Double]]
    let cases: [Case]

    static func load() throws -> GPTQFixture {
        try JSONDecoder().decode(GPTQFixture.self, from: Data(contentsOf: FixturePaths.folder.appendingPathComponent("gptq.json")))
    }

    var hessian: [Double] {
        var h = HessianAccumulator(width: W[0].count)
        try! h.add(X.flatMap { $0.map(Float.init) })
        return h.hessian
    }
}

@Suite("GPTQ parity with the float64 reference")
struct GPTQParityTests {
    @Test("codes match for ≥ 99% of weights, output error within 1%, below round-to-nearest")
    func parity() throws {
        let f = try GPTQFixture.load()
        let (rows, columns) = (f.W.count, f.W[0].count)
        let w = f.W.flatMap { $0 }, x = f.X.flatMap { $0 }
        // The reference builds H from float64 X; ours matches it to float32 input precision.
        var h = [Double](repeating: 0, count: columns * columns)
        for row in f.X { for i in 0..<columns { for j in 0..<columns { h[i * columns + j] += row[i] * row[j] } } }
        h = h.map { $0 * 2 / Double(f.X.count) }
        for c in f.cases {
            let result = try GPTQ.quantize(weight: w, rows: rows, columns: columns, hessian: h, configuration: c.configuration)
            let expected = c.codes.flatMap { $0 }
            let same = zip(result.codes, expected).filter { Int($0) == $1 }.count
            let agreement = Double(same) / Double(expected.count)
            let error = GPTQ.outputError(weight: w, quantized: result.dequantized, rows: rows, columns: columns, inputs: x)
            let rtn = try GPTQ.roundToNearest(weight: w, rows: rows, columns: columns, configuration: c.configuration)
            let rtnError = GPTQ.outputError(weight: w, quantized: rtn.dequantized, rows: rows, columns: columns, inputs: x)
            print("GPTQ \(c.bits)-bit group \(c.groupsize) act-order \(c.act_order) sym \(c.sym): codes \(same)/\(expected.count) identical, error \(error) vs reference \(c.output_error), RTN \(rtnError) vs \(c.rtn_output_error)")
            #expect(agreement >= 0.99)
            #expect(abs(error - c.output_error) / c.output_error < 0.01)
            #expect(abs(rtnError - c.rtn_output_error) / c.rtn_output_error < 1e-6)
            #expect(error < rtnError)
        }
    }

    @Test("the Hessian accumulated from float32 batches equals 2/n·XᵀX")
    func hessianFromBatches() throws {
        let f = try GPTQFixture.load()
        let columns = f.W[0].count
        var acc = HessianAccumulator(width: columns)
        try acc.add(f.X[0..<200].flatMap { $0.map(Float.init) })
        try acc.add(f.X[200...].flatMap { $0.map(Float.init) })
        let h = acc.hessian
        var direct = 0.0
        for row in f.X { direct += row[3] * row[5] }
        #expect(acc.sampleCount == f.X.count)
        #expect(abs(h[3 * columns + 5] - direct * 2 / Double(f.X.count)) < 1e-4 * max(1, abs(direct)))
        #expect(h[3 * columns + 5] == h[5 * columns + 3])
    }
}
