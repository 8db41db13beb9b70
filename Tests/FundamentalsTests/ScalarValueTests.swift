import Foundation
import Testing
import Fundamentals
import Tensors

@Suite struct ScalarValueTests {
    @Test func valueUsedTwiceAccumulatesGradient() {
        let a = Value(3)
        let b = a * a + a.exp()      // db/da = 2a + eᵃ
        b.backward()
        #expect(abs(a.grad - (6 + exp(3))) < 1e-9)
        let c = Value(2).pow(3)
        c.backward()
        #expect(c.data == 8)
    }

    @Test func neuronGradientsMatchFiniteDifferences() {
        func neuron(_ p: [Value]) -> Value { (p[0] * p[2] + p[1] * p[3] + p[4]).tanh() }
        let point = [1.5, -0.5, 0.8, -1.2, 0.1]
        let leaves = point.map { Value($0) }
        neuron(leaves).backward()
        let numeric = Calculus.centralDifferenceGradient(of: { neuron($0.map { Value($0) }).data }, at: point, h: 1e-6)
        for i in point.indices { #expect(abs(leaves[i].grad - numeric[i]) < 1e-8, "leaf \(i)") }
    }

    @Test func scalarNetworkLearnsFourExamples() {
        var rng = SplitMix64(seed: 42)
        let net = ScalarMLP(sizes: [3, 4, 4, 1], rng: &rng)
        let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
        let ys: [Double] = [1, -1, -1, 1]
        var loss = Value(0)
        for _ in 0..<100 {
            loss = zip(xs, ys).map { (net($0.map { Value($0) })[0] - Value($1)).pow(2) }.reduce(Value(0), +)
            loss.backward()
            for p in net.parameters { p.data -= 0.05 * p.grad }
        }
        #expect(net.parameters.count == 41)
        #expect(loss.data < 0.05)
    }
}
