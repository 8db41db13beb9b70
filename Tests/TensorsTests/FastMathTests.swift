import Foundation
import Testing
@testable import Tensors

@Suite struct FastMathTests {
    /// Inputs from −100 to 100 in uneven steps, plus the edges.
    static let inputs: [Float] = stride(from: Float(-100), through: 100, by: 0.0137).map { $0 } + [0, -0, 1e-8, -1e-8, 88.2, -87]

    @Test func vectorExpMatchesTheLibrary() {
        var worst: Float = 0
        for x in Self.inputs {
            let fast = FastMath.exp(FastMath.Vector(repeating: x))[0]
            let exact = Foundation.exp(x)
            if exact < 1e-37 { #expect(fast < 1e-37); continue }
            if x > 88.3 { #expect(fast == .infinity); continue }
            worst = max(worst, abs(fast - exact) / exact)
        }
        #expect(worst < 5e-7, "worst relative error \(worst)")
        let edges = FastMath.exp(FastMath.Vector(-.infinity, .infinity, .nan, -200, 200, 0, 1, -1))
        #expect(edges[0] == 0 && edges[1] == .infinity && edges[2].isNaN && edges[3] == 0 && edges[4] == .infinity)
        #expect(edges[5] == 1 && abs(edges[6] - Float(M_E)) < 1e-6 && abs(edges[7] - 1 / Float(M_E)) < 1e-7)
    }

    @Test func vectorTanhMatchesTheLibrary() {
        var worst: Float = 0
        for x in Self.inputs { worst = max(worst, abs(FastMath.tanh(FastMath.Vector(repeating: x))[0] - Foundation.tanh(x))) }
        #expect(worst < 3e-7, "worst absolute error \(worst)")
        #expect(FastMath.tanh(FastMath.Vector(repeating: .nan))[0].isNaN)
    }

    @Test func bufferExpHandlesPartialVectors() {
        let input: [Float] = (0..<13).map { Float($0) * 0.5 - 3 }
        var output = [Float](repeating: -1, count: 13)
        input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in FastMath.exp(i.baseAddress!, into: o.baseAddress!, count: 13) }
        }
        for (x, y) in zip(input, output) { #expect(abs(y - Foundation.exp(x)) <= 5e-7 * Foundation.exp(x)) }
    }

    @Test func softmaxRowsStillSumToOneWithMaskedEntries() {
        let x = Tensor(shape: [2, 11], scalars: (0..<22).map { $0 % 3 == 0 ? -.infinity : Float($0) * 0.3 })
        let y = x.softmax()
        for r in 0..<2 {
            let row = Array(y.scalars[(r * 11)..<(r * 11 + 11)])
            #expect(abs(row.reduce(0, +) - 1) < 1e-6)
            #expect(row.enumerated().allSatisfy { ($0.offset + r * 11) % 3 != 0 || $0.element == 0 })
        }
        // Matches the definition written with Foundation.exp.
        let m = x.scalars[1..<11].max()!
        let total = x.scalars[0..<11].map { Foundation.exp($0 - m) }.reduce(0, +)
        #expect(abs(y.scalars[1] - Foundation.exp(x.scalars[1] - m) / total) < 1e-7)
    }
}
