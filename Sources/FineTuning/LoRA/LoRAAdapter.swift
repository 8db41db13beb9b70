import Autograd
import NeuralNets
import Tensors
import Transformers

/// The trainable low-rank path beside one frozen projection.
///
/// ```
/// x [*, in] → dropout → ·Aᵀ [*, r] → ·Bᵀ [*, out] → × (α/r)
/// ```
/// `A` (`lora_A.weight`, `[r, in]`) starts with Kaiming-uniform values and `B` (`lora_B.weight`,
/// `[out, r]`) with zeros, so the first forward pass equals the base model's. Only `r·(in + out)`
/// numbers train instead of `in·out`.
///
/// Plugs into ``Conv1D`` and ``Projection`` through their `adapter` hook, which adds its output
/// to the layer's and lists its parameters under the layer's name, as PEFT names them:
/// `transformer.h.0.attn.c_attn.lora_A.weight`.
public final class LoRAAdapter: ProjectionAdapter {
    /// Holds one matrix under the name `weight`, like a bias-free `nn.Linear`.
    public final class Matrix: Module {
        public let weight: Variable
        init(_ value: Tensor) { weight = Variable(value, requiresGrad: true) }
        public var ownParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }
    }

    public let loraA: Matrix
    public let loraB: Matrix
    public let dropout: Dropout
    public let scaling: Float
    /// While false the adapter adds nothing (its update was merged into the base weight, or it is switched off).
    public var isActive = true

    public var rank: Int { loraA.weight.value.shape[0] }
    public var inFeatures: Int { loraA.weight.value.shape[1] }
    public var outFeatures: Int { loraB.weight.value.shape[0] }

    public init(inFeatures: Int, outFeatures: Int, rank: Int, scaling: Float, dropout: Float = 0, seed: UInt64 = 0) {
        precondition(rank > 0 && rank <= min(inFeatures, outFeatures),
                     "LoRAAdapter: rank \(rank) must be in 1...\(min(inFeatures, outFeatures)) for a \(inFeatures)→\(outFeatures) layer")
        var rng = SplitMix64(seed: seed)
        // PEFT: kaiming_uniform_(a=√5) on A, i.e. U(−1/√in, 1/√in); B = 0.
        let bound = 1 / Float(inFeatures).squareRoot()
        loraA = Matrix(.uniform([rank, inFeatures], low: -bound, high: bound, using: &rng))
        loraB = Matrix(.zeros([outFeatures, rank]))
        self.scaling = scaling
        self.dropout = Dropout(dropout, seed: rng.next())
    }

    public var children: [(name: String, module: any Module)] {
        [("lora_A", loraA), ("lora_B", loraB), ("lora_dropout", dropout)]
    }

    // ANCHOR: lora-forward
    /// The update `(α/r) · dropout(x)·Aᵀ·Bᵀ`, shape `[*, out]` for `x` `[*, in]`.
    public func callAsFunction(_ x: Variable) -> Variable {
        let shape = x.shape
        guard isActive else { return Variable(.zeros(Array(shape.dropLast()) + [outFeatures])) }
        let rows = x.reshaped([x.value.count / inFeatures, inFeatures])
        let down = dropout(rows).matmul(loraA.weight, transposeOther: true)   // [N, r]
        let up = down.matmul(loraB.weight, transposeOther: true) * scaling   // [N, out]
        return up.reshaped(Array(shape.dropLast()) + [outFeatures])
    }
    // ANCHOR_END: lora-forward

    // ANCHOR: lora-delta
    /// The dense update `ΔW = (α/r)·B·A`, `[out, in]` (PyTorch `Linear` layout).
    public func deltaWeight() -> Tensor {
        loraB.weight.value.matmul(loraA.weight.value) * scaling
    }
    // ANCHOR_END: lora-delta
}
