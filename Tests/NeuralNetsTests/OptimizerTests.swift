import Testing
import Tensors
import Autograd
@testable import NeuralNets

@Suite struct OptimizerTests {
    /// Three steps on θ = [1, −2, 0.5] with fixed gradients. Expected values come from
    /// PyTorch 2.13 (torch.optim.SGD/Adam/AdamW with the same arguments, gradients assigned to
    /// `p.grad` before each `step()`), printed with 8 significant digits.
    func run(_ make: ([Variable]) -> any Optimizer) -> [Float] {
        let p = Variable(Tensor([1, -2, 0.5]), requiresGrad: true)
        let optimizer = make([p])
        for g in [[0.1, -0.3, 2.0], [-0.2, 0.4, 1.0], [0.05, 0.0, -1.5]] as [[Float]] {
            p.grad = Tensor(g)
            optimizer.step()
        }
        return p.value.scalars
    }

    func expectClose(_ actual: [Float], _ expected: [Float]) {
        for (a, e) in zip(actual, expected) { #expect(Swift.abs(a - e) < 2e-6, "\(actual) vs \(expected)") }
    }

    @Test func sgdWithMomentumAndWeightDecayMatchesPyTorch() {
        expectClose(run { SGD($0, learningRate: 0.1, momentum: 0.9, weightDecay: 0.01) }, [1.0003128, -1.9835637, -0.083942838])
    }

    @Test func adamMatchesPyTorch() {
        expectClose(run { Adam($0, learningRate: 0.01, weightDecay: 0.1) }, [0.98214996, -1.9818541, 0.47793797])
    }

    @Test func adamWMatchesPyTorch() {
        expectClose(run { Adam.adamW($0, learningRate: 0.01, weightDecay: 0.1) }, [0.99204737, -1.9874551, 0.4767876])
    }

    @Test func firstAdamStepIsLearningRateTimesSign() {
        // With bias correction, step 1 moves each weight by lr · g/(|g| + ε) ≈ lr · sign(g).
        let p = Variable(Tensor([0, 0]), requiresGrad: true)
        let adam = Adam([p], learningRate: 0.5)
        p.grad = Tensor([3, -0.01])
        adam.step()
        #expect(p.value.isClose(to: Tensor([-0.5, 0.5]), atol: 1e-5))
    }

    @Test func frozenOrGradientlessParametersStayPut() {
        let frozen = Variable(Tensor([1]), requiresGrad: false), idle = Variable(Tensor([2]), requiresGrad: true)
        frozen.grad = Tensor([5])
        let sgd = SGD([frozen, idle], learningRate: 1)
        sgd.step()
        #expect(frozen.value == Tensor([1]) && idle.value == Tensor([2]))
    }

    @Test func warmupCosineSchedule() {
        let schedule = WarmupCosineSchedule(peak: 2e-4, warmupSteps: 10, totalSteps: 20)
        #expect(schedule.learningRate(at: 0) == 0)
        #expect(Swift.abs(schedule.learningRate(at: 5) - 1e-4) < 1e-10)
        #expect(schedule.learningRate(at: 10) == 2e-4)
        #expect(Swift.abs(schedule.learningRate(at: 11) - 1.9510565e-4) < 1e-10)
        #expect(Swift.abs(schedule.learningRate(at: 15) - 1e-4) < 1e-10)
        #expect(schedule.learningRate(at: 25) == 0)
        #expect(WarmupCosineSchedule(peak: 1, warmupSteps: 0, totalSteps: 4, floor: 0.1).learningRate(at: 4) == 0.1)
    }

    @Test func clippingScalesByGlobalNorm() {
        let a = Variable(Tensor([3]), requiresGrad: true), b = Variable(Tensor([4]), requiresGrad: true)
        a.grad = Tensor([3]); b.grad = Tensor([4])
        let norm = clipGradientNorm([a, b], maxNorm: 1)
        #expect(norm == 5)
        #expect(Swift.abs(a.grad!.scalar - 0.6) < 1e-6 && Swift.abs(b.grad!.scalar - 0.8) < 1e-6)
        #expect(clipGradientNorm([a, b], maxNorm: 10) < 1.0001)
        #expect(Swift.abs(a.grad!.scalar - 0.6) < 1e-6)
    }

    @Test func mlpLearnsXor() {
        var rng = SplitMix64(seed: 3)
        let model = MLP([2, 16, 2], activation: .tanh, rng: &rng)
        let x = Variable(Tensor([[0, 0], [0, 1], [1, 0], [1, 1]]))
        let targets = [0, 1, 1, 0]
        let adam = Adam(model.parameters(), learningRate: 0.05)
        var loss: Float = 0
        for _ in 0..<200 {
            adam.zeroGrad()
            let l = crossEntropy(model(x), targets: targets)
            l.backward()
            adam.step()
            loss = l.value.scalar
        }
        #expect(loss < 0.05)
        #expect(withNoGrad { model(x) }.value.argmax(axis: 1) == targets)
    }
}
