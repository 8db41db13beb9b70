import Testing
import Autograd
import Tensors
@testable import NeuralNets

@Suite struct InitializationTests {
    @Test func standardDeviationsFollowTheFormulas() {
        // PyTorch: xavier_normal_ std = gain·√(2/(fan_in + fan_out)); kaiming_normal_ (fan_in) = gain/√fan_in.
        #expect(Swift.abs(WeightInitialization.xavierNormal(gain: 1).standardDeviation(fanIn: 300, fanOut: 100) - 0.070710678) < 1e-7)
        #expect(Swift.abs(WeightInitialization.kaimingNormal(gain: Float(2).squareRoot()).standardDeviation(fanIn: 200, fanOut: 7) - 0.1) < 1e-7)
        #expect(Swift.abs(WeightInitialization.gain(for: .tanh) - 5.0 / 3.0) < 1e-7)
        var rng = SplitMix64(seed: 1)
        for rule in [WeightInitialization.xavierUniform(gain: 1), .kaimingNormal(gain: 1.4142135), .pytorchDefault] {
            let w = rule.sample(fanIn: 256, fanOut: 128, using: &rng)
            #expect(w.shape == [128, 256])
            let s = w.scalars, mean = s.reduce(0, +) / Float(s.count)
            let std = (s.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(s.count)).squareRoot()
            #expect(Swift.abs(std / rule.standardDeviation(fanIn: 256, fanOut: 128) - 1) < 0.02, "\(rule)")
        }
    }

    @Test func heKeepsReLUSignalsAndSmallWeightsMakeThemVanish() {
        var rng = SplitMix64(seed: 3)
        let he = probeDeepStack(depth: 12, width: 128, batch: 128, activation: .relu,
                                initialization: .kaimingNormal(gain: WeightInitialization.gain(for: .relu)), rng: &rng)
        let tiny = probeDeepStack(depth: 12, width: 128, batch: 128, activation: .tanh, initialization: .normal(std: 0.01), rng: &rng)
        // He: the second moment of ReLU outputs stays near 1, so the std stays within a factor of 2.
        #expect(he.allSatisfy { $0.std > 0.4 && $0.std < 1.6 }, "\(he.map(\.std))")
        // std 0.01 with fan-in 128: each layer multiplies the spread by about 0.01·√128 ≈ 0.11.
        #expect(tiny.last!.std < 1e-9 && tiny[0].std > 0.05)
        #expect(he.last!.saturated > 0.3 && he.last!.saturated < 0.7)   // ReLU zeroes about half
    }

    @Test func penaltiesAndTheirGradients() {
        let w = Variable(Tensor([1, -2, 0.5]), requiresGrad: true), v = Variable(Tensor([3]), requiresGrad: true)
        let l2 = l2Penalty([w, v], strength: 0.1)
        #expect(Swift.abs(l2.value.scalar - 0.1 * (1 + 4 + 0.25 + 9)) < 1e-6)
        l2.backward()
        #expect(w.grad!.isClose(to: Tensor([0.2, -0.4, 0.1]), atol: 1e-6) && v.grad!.isClose(to: Tensor([0.6]), atol: 1e-6))
        w.zeroGrad()
        let l1 = l1Penalty([w], strength: 0.5)
        #expect(Swift.abs(l1.value.scalar - 1.75) < 1e-6)
        l1.backward()
        #expect(w.grad! == Tensor([0.5, -0.5, 0.5]))
    }

    @Test func sigmoidValueAndDerivative() {
        #expect(Swift.abs(Activation.sigmoid(0) - 0.5) < 1e-7 && Swift.abs(Activation.sigmoid.derivative(0) - 0.25) < 1e-7)
        #expect(Swift.abs(Activation.sigmoid(2) - 0.88079708) < 1e-6)
    }
}
