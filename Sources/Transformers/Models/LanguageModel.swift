import Autograd
import NeuralNets
import Tensors

/// A decoder-only language model: token ids in, next-token logits out.
///
/// Both ``GPT2Model`` and ``LlamaModel`` conform, so generation, evaluation and training code
/// is written once.
public protocol LanguageModel: Module {
    var vocabularySize: Int { get }
    var layerCount: Int { get }
    /// The longest sequence the model accepts (GPT-2: its position table; Llama: the trained context).
    var contextLength: Int { get }

    /// Logits `[B, T, V]` for `ids` laid out as `[B, T]` (row-major, `batchSize` rows).
    ///
    /// With a `cache`, the ids continue the cached sequence: their positions start at
    /// `cache.length`, they attend to every cached token, and their keys and values are appended.
    func logits(_ ids: [Int], batchSize: Int, cache: KVCache?) -> Variable

    /// The final hidden states `[B, T, C]` (after the last norm, before the output projection):
    /// what the logits are computed from, and what a text embedding can be pooled from.
    func hiddenStates(_ ids: [Int], batchSize: Int, cache: KVCache?) -> Variable
}

extension LanguageModel {
    /// Logits of one sequence, `[1, T, V]`.
    public func callAsFunction(_ ids: [Int], cache: KVCache? = nil) -> Variable {
        logits(ids, batchSize: 1, cache: cache)
    }

    /// A fresh cache for this model.
    public func makeCache() -> KVCache { KVCache(layers: layerCount) }
}

/// `[B, T, H·d]` → `[B, H, T, d]`: one `[T, d]` matrix per head.
func splitHeads(_ x: Variable, heads: Int, headSize: Int) -> Variable {
    let (b, t) = (x.shape[0], x.shape[1])
    return x.reshaped([b, t, heads, headSize]).permuted([0, 2, 1, 3])
}

/// `[B, H, T, d]` → `[B, T, H·d]`: heads side by side again.
func mergeHeads(_ x: Variable) -> Variable {
    let (b, h, t, d) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    return x.permuted([0, 2, 1, 3]).reshaped([b, t, h * d])
}

/// Something added to a projection's output, e.g. a LoRA update `x·Aᵀ·Bᵀ·(α/r)`.
///
/// Its parameters appear under the projection's name (`…c_attn.lora_A.weight`), as PEFT names them.
public protocol ProjectionAdapter: Module {
    func callAsFunction(_ x: Variable) -> Variable
}

/// GPT-2's projection layer: a `Linear` whose weight is stored `[in, out]` (Hugging Face's
/// `Conv1D`), so checkpoints load without transposing. `y = x·W + b (+ adapter(x))`.
public final class Conv1D: Module {
    public let weight: Variable
    public let bias: Variable
    /// An optional extra path (LoRA); `nil` for the plain layer.
    public var adapter: (any ProjectionAdapter)?

    public init(inFeatures: Int, outFeatures: Int, std: Float = 0.02, rng: inout SplitMix64) {
        weight = Variable(.normal([inFeatures, outFeatures], std: std, using: &rng), requiresGrad: true)
        bias = Variable(.zeros([outFeatures]), requiresGrad: true)
    }

    public var ownParameters: [(name: String, parameter: Variable)] {
        [("weight", weight), ("bias", bias)] + (adapter?.ownParameters ?? [])
    }
    public var children: [(name: String, module: any Module)] { adapter?.children ?? [] }

    public func callAsFunction(_ x: Variable) -> Variable { callAsFunction(x, activation: .identity) }

    /// `activation(x·W + b (+ adapter(x)))`. Without an adapter this is one fused node
    /// (GEMM onto the bias rows, activation in the same buffer; see NeuralNets' `linear`), which
    /// computes the same as the readable `(x.matmul(weight) + bias).applying(activation)`.
    public func callAsFunction(_ x: Variable, activation: Activation) -> Variable {
        guard let adapter else { return linear(x, weight: weight, bias: bias, activation: activation, weightLayout: .inOut) }
        return (x.matmul(weight) + bias + adapter(x)).applying(activation)
    }
}

/// Llama's projection layer: `y = x·Wᵀ (+ b) (+ adapter(x))` with `W: [out, in]` (PyTorch's
/// `nn.Linear` layout), and the same adapter hook as ``Conv1D``.
public final class Projection: Module {
    public let weight: Variable
    public let bias: Variable?
    public var adapter: (any ProjectionAdapter)?

    public init(inFeatures: Int, outFeatures: Int, bias: Bool = false, std: Float = 0.02, rng: inout SplitMix64) {
        weight = Variable(.normal([outFeatures, inFeatures], std: std, using: &rng), requiresGrad: true)
        self.bias = bias ? Variable(.zeros([outFeatures]), requiresGrad: true) : nil
    }

    public var ownParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? []) + (adapter?.ownParameters ?? [])
    }
    public var children: [(name: String, module: any Module)] { adapter?.children ?? [] }

    public func callAsFunction(_ x: Variable, activation: Activation = .identity) -> Variable {
        // One fused GEMM (+ bias + activation) from NeuralNets; the adapter joins before the activation.
        if adapter == nil && MatrixVectorProduct.applies(to: x, weight: weight) {
            let y = MatrixVectorProduct.rowsTimesTransposed(x.value, weight.value, bias: bias?.value)
            return Variable(activation == .identity ? y : y.map { activation($0) })
        }
        guard let adapter else { return linear(x, weight: weight, bias: bias, activation: activation) }
        return (linear(x, weight: weight, bias: bias) + adapter(x)).applying(activation)
    }
}

/// `x · Wᵀ` with the `[V, C]` token embedding (tied output layer): logits `[B, T, V]`.
func outputProjection(_ x: Variable, tiedTo weight: Variable) -> Variable {
    if MatrixVectorProduct.applies(to: x, weight: weight) {
        return Variable(MatrixVectorProduct.rowsTimesTransposed(x.value, weight.value, bias: nil))
    }
    return x.matmul(weight, transposeOther: true)
}
