import Testing
import Tensors
import Autograd
@testable import NeuralNets

@Suite struct LayerTests {
    func random(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor.uniform(shape, low: low, high: high, using: &rng)
    }

    func expectGradients(_ inputs: [Tensor], _ f: ([Variable]) -> Variable) {
        let report = GradientCheck.run(inputs: inputs, function: f)
        #expect(report.passed, "\(report)")
    }

    @Test func linearMatchesDefinitionAndGradients() {
        let x = random([5, 3], seed: 1), w = random([4, 3], seed: 2), b = random([4], seed: 3)
        let y = linear(Variable(x), weight: Variable(w), bias: Variable(b))
        #expect(y.value.isClose(to: x.matmulReference(w.transposed()) + b, atol: 1e-5))
        // ReLU separately: random pre-activations may sit within the finite-difference step of its kink.
        for activation in Activation.allCases where activation != .relu {
            let report = GradientCheck.run(inputs: [x, w, b]) { v in linear(v[0], weight: v[1], bias: v[2], activation: activation) }
            #expect(report.passed, "\(activation): \(report)")
        }
        expectGradients([random([2, 3, 3], seed: 4), w]) { v in linear(v[0], weight: v[1], bias: nil) }
        // Pre-activations x·wᵀ + b: every row of column 0 is at least 0.5 (kept), column 1 at most −2.5 (dropped).
        let shift = Tensor([3, -3, 0.5, 0.5]), wide = Tensor([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0, 0, 0], [0, 0, 0]])
        expectGradients([x, wide, shift]) { v in linear(v[0], weight: v[1], bias: v[2], activation: .relu) }
        let relu = linear(Variable(Tensor([[1, -1]])), weight: Variable(Tensor([[1, 0], [0, 1]])), bias: nil, activation: .relu)
        #expect(relu.value == Tensor([[1, 0]]))
    }

    @Test func linearGradientsAccumulateInPlaceAcrossBackwardCalls() {
        let layer = Linear(weight: random([2, 3], seed: 11), bias: random([2], seed: 12), activation: .relu)
        let x = Variable(random([4, 3], seed: 13), requiresGrad: true)
        layer(x).sum().backward()
        let (w1, b1, x1) = (layer.weight.grad!, layer.bias!.grad!, x.grad!)
        layer(x).sum().backward()
        #expect(layer.weight.grad!.isClose(to: w1 * 2) && layer.bias!.grad!.isClose(to: b1 * 2) && x.grad!.isClose(to: x1 * 2))
        layer.weight.requiresGrad = false
        layer.zeroGrad()
        layer(x).sum().backward()
        #expect(layer.weight.grad == nil && layer.bias!.grad != nil)
    }

    @Test func activationsHaveKnownValues() {
        // GELU(1): exact 0.8413447, tanh approximation 0.8411920 (PyTorch gelu / gelu(approximate="tanh")).
        #expect(Swift.abs(Activation.gelu(1) - 0.8413447) < 1e-6)
        #expect(Swift.abs(Activation.geluTanh(1) - 0.8411920) < 1e-6)
        #expect(Swift.abs(Activation.silu(1) - 0.7310586) < 1e-6)
        let x = random([3, 4], seed: 5, low: -3, high: 3)
        for activation in Activation.allCases where activation != .relu {
            expectGradients([x]) { $0[0].applying(activation) }
        }
    }

    @Test func embeddingLooksUpRowsAndAccumulatesRepeats() {
        let table = Embedding(weight: Tensor([[0, 1], [10, 11], [20, 21]]))
        let y = table([2, 2, 0, 1], shape: [2, 2])
        #expect(y.shape == [2, 2, 2])
        #expect(y.value.scalars == [20, 21, 20, 21, 0, 1, 10, 11])
        y.sum().backward()
        #expect(table.weight.grad == Tensor([[1, 1], [1, 1], [2, 2]]))
    }

    @Test func layerNormNormalisesAndHasCorrectGradients() {
        let norm = LayerNorm(4)
        let y = norm(Variable(Tensor([[1, 2, 3, 4], [2, 2, 2, 6]])))
        // Row 1: mean 2.5, variance 1.25 → (x − 2.5)/√1.25000001.
        #expect(y.value.isClose(to: Tensor([[-1.3416355, -0.4472118, 0.4472118, 1.3416355],
                                            [-0.5773501, -0.5773501, -0.5773501, 1.7320503]]), atol: 2e-5))
        let x = random([3, 5], seed: 6), g = random([5], seed: 7), b = random([5], seed: 8)
        expectGradients([x, g, b]) { v in layerNorm(v[0], weight: v[1], bias: v[2]) }
        expectGradients([x, g]) { v in rmsNorm(v[0], weight: v[1]) }
        let rms = rmsNorm(Variable(Tensor([[3, 4]])), weight: Variable(Tensor([1, 2])), epsilon: 0)
        #expect(rms.value.isClose(to: Tensor([[3 / 3.5355339, 8 / 3.5355339]])))
    }

    @Test func dropoutIsSeededScaledAndOffInEvaluation() {
        let x = Variable(Tensor.ones([10_000]))
        let a = Dropout(0.25, seed: 3)(x), b = Dropout(0.25, seed: 3)(x)
        #expect(a.value == b.value)
        let zeros = a.value.scalars.filter { $0 == 0 }.count
        #expect(zeros > 2300 && zeros < 2700)
        #expect(a.value.scalars.allSatisfy { $0 == 0 || Swift.abs($0 - 4.0 / 3) < 1e-6 })
        // The gradient is the same mask: zero where dropped, 1/(1 − p) where kept.
        let input = Variable(Tensor.ones([1000]), requiresGrad: true)
        let dropped = Dropout(0.25, seed: 3)(input)
        dropped.sum().backward()
        #expect(input.grad == dropped.value)
        let drop = Dropout(0.5)
        drop.isTraining = false
        #expect(drop(x).value == x.value)
    }

    @Test func lossesMatchHandComputedValues() {
        // logits [[2, 1, 0]], target 0: −log(e²/(e²+e+1)) = 0.4076059.
        let logits = Variable(Tensor([[2, 1, 0], [0, 0, 0]]), requiresGrad: true)
        let loss = crossEntropy(logits, targets: [0, -100], ignoreIndex: -100)
        #expect(Swift.abs(loss.value.scalar - 0.4076059) < 1e-6)
        loss.backward()
        #expect(logits.grad!.isClose(to: Tensor([[0.6652410 - 1, 0.2447285, 0.0900306], [0, 0, 0]]), atol: 1e-6))
        let both = crossEntropy(Variable(Tensor([[2, 1, 0], [0, 0, 0]])), targets: [0, 2])
        #expect(Swift.abs(both.value.scalar - (0.4076059 + 1.0986123) / 2) < 1e-6)
        expectGradients([random([4, 6], seed: 9, low: -3, high: 3)]) { crossEntropy($0[0], targets: [1, 5, -1, 0], ignoreIndex: -1) }
        let mse = meanSquaredError(Variable(Tensor([1, 2, 3])), Tensor([1, 0, 0]))
        #expect(mse.value.scalar == 13.0 / 3)
        expectGradients([random([2, 3], seed: 10)]) { meanSquaredError($0[0], Tensor([[1, 0, 1], [0, 1, 0]])) }
    }
}
