import Foundation
import Testing
import Autograd
import NeuralNets
import Tensors
@testable import Transformers

/// The fused kernels of GPT-2's forward and backward pass against the readable chains they replace.
@Suite("Fused attention and projections")
struct FusedAttentionTests {
    /// The readable chain: split q/k/v, split heads, attention with materialized weights, merge heads.
    static func readableAttention(_ qkv: Variable, heads: Int) -> Variable {
        let c = qkv.shape[2] / 3, headSize = c / heads
        let parts = qkv.split(sizes: [c, c, c], axis: -1)
        let q = splitHeads(parts[0], heads: heads, headSize: headSize)
        let k = splitHeads(parts[1], heads: heads, headSize: headSize)
        let v = splitHeads(parts[2], heads: heads, headSize: headSize)
        return mergeHeads(attentionWithWeights(query: q, key: k, value: v).output)
    }

    @Test(arguments: [(2, 7, 4, 8), (1, 1, 2, 4), (3, 5, 1, 6)])
    func fusedAttentionMatchesTheReadableChain(batch: Int, length: Int, heads: Int, headSize: Int) {
        var rng = SplitMix64(seed: 21)
        let input = Tensor.normal([batch, length, 3 * heads * headSize], using: &rng)
        let upstream = Tensor.normal([batch, length, heads * headSize], using: &rng)
        let fusedInput = Variable(input, requiresGrad: true), readableInput = Variable(input, requiresGrad: true)
        let fused = fusedCausalSelfAttention(fusedInput, heads: heads)
        let readable = Self.readableAttention(readableInput, heads: heads)
        #expect(fused.value.maxAbsDifference(readable.value) < 1e-5)
        fused.backward(seed: upstream)
        readable.backward(seed: upstream)
        #expect(fusedInput.grad!.maxAbsDifference(readableInput.grad!) < 1e-5)
        // A second backward adds to the gradient (GEMM beta = 1).
        fused.zeroGrad()
        fused.backward(seed: upstream)
        #expect(fusedInput.grad!.maxAbsDifference(readableInput.grad! * 2) < 2e-5)
    }

    @Test func fusedAttentionPassesTheGradientCheck() {
        var rng = SplitMix64(seed: 22)
        let input = Tensor.normal([2, 4, 12], using: &rng)
        let report = GradientCheck.run(inputs: [input]) { v in fusedCausalSelfAttention(v[0], heads: 2) }
        #expect(report.passed, "\(report)")
    }

    @Test func conv1DFusedMatchesMatmulPlusBias() {
        var rng = SplitMix64(seed: 23)
        let layer = Conv1D(inFeatures: 6, outFeatures: 10, std: 0.5, rng: &rng)
        layer.bias.value = .normal([10], using: &rng)
        let input = Tensor.normal([2, 3, 6], using: &rng)
        let upstream = Tensor.normal([2, 3, 10], using: &rng)
        for activation in [Activation.identity, .geluTanh] {
            let x1 = Variable(input, requiresGrad: true), x2 = Variable(input, requiresGrad: true)
            let fused = layer(x1, activation: activation)
            fused.backward(seed: upstream)
            let (fusedWeight, fusedBias) = (layer.weight.grad!, layer.bias.grad!)
            layer.weight.zeroGrad(); layer.bias.zeroGrad()
            let readable = (x2.matmul(layer.weight) + layer.bias).applying(activation)
            readable.backward(seed: upstream)
            #expect(fused.value.maxAbsDifference(readable.value) < 1e-5)
            #expect(x1.grad!.maxAbsDifference(x2.grad!) < 1e-5)
            #expect(fusedWeight.maxAbsDifference(layer.weight.grad!) < 1e-5)
            #expect(fusedBias.maxAbsDifference(layer.bias.grad!) < 1e-5)
            layer.weight.zeroGrad(); layer.bias.zeroGrad()
        }
    }

    @Test func vectorisedGELUMatchesTheScalarDefinition() {
        let x = Tensor((0..<203).map { Float($0) * 0.07 - 7 })
        let fast = x.applyingVectorised(.geluTanh), slow = x.applying(.geluTanh)
        #expect(fast.maxAbsDifference(slow) < 1e-6)
        let g = Tensor.ones([203])
        let fastDerivative = Activation.geluTanh.backwardVectorised(g, input: x)
        let slowDerivative = x.map { Activation.geluTanh.derivative($0) }
        // f′ carries tanh's 10⁻⁷ error times ½x·(2t)·√(2/π)(1 + 0.134x²), up to about 20 at |x| = 7.
        #expect(fastDerivative.maxAbsDifference(slowDerivative) < 5e-6)
    }
}
