import Autograd
import NeuralNets
import Tensors
import Transformers

/// QLoRA (Dettmers et al. 2023): the frozen base's projection weights are held in NF4 and
/// LoRA adapters train on top in full precision.
///
/// ```
/// y = x · dequant(W_nf4) + (α/r) · x·Aᵀ·Bᵀ       gradients flow only into A and B
/// ```
/// Here the quantized weights are dequantized once into the layers (the arithmetic is the same
/// as dequantizing per product, which real kernels do to save memory); ``quantized`` keeps the
/// NF4 form so memory is counted from what would be stored.
///
/// ```swift
/// let qlora = QLoRAModel(wrapping: gpt2, lora: .init(rank: 8, alpha: 16, targetModules: ["c_attn", "c_proj", "c_fc"]))
/// qlora.quantizationError   // mean |W − dequant(W_nf4)| over the projections
/// ```
public final class QLoRAModel {
    public let lora: LoRAModel
    /// Every projection's weight in NF4, by dotted name.
    public let quantized: [(name: String, weight: NF4Tensor)]
    /// Mean absolute change the NF4 round trip made to the projection weights.
    public let quantizationError: Double

    public var model: any LanguageModel { lora.model }

    /// Quantizes every projection of `model` (not only the adapted ones: the whole base is
    /// frozen, so all of it can be stored in 4 bits), then attaches adapters.
    public init(wrapping model: any LanguageModel, lora configuration: LoRAConfiguration,
                blockSize: Int = NF4.defaultBlockSize, doubleQuantization: Bool = true) {
        var quantized: [(name: String, weight: NF4Tensor)] = []
        var totalError = 0.0, totalCount = 0
        for (name, layer) in adaptableProjections(in: model) {
            guard let weighted = layer as? any WeightedProjection else { continue }
            let original = weighted.weight.value
            let q = NF4Tensor(quantizing: original, blockSize: blockSize, doubleQuantization: doubleQuantization)
            let restored = q.dequantized()
            for (a, b) in zip(original.scalars, restored.scalars) { totalError += Double(abs(a - b)) }
            totalCount += original.count
            weighted.weight.value = restored
            quantized.append((name + ".weight", q))
        }
        self.quantized = quantized
        quantizationError = totalCount > 0 ? totalError / Double(totalCount) : 0
        lora = LoRAModel(wrapping: model, configuration: configuration)
    }
}

/// A projection whose weight variable can be replaced by its quantized form.
protocol WeightedProjection: AnyObject { var weight: Variable { get } }
extension Conv1D: WeightedProjection {}
extension Projection: WeightedProjection {}
