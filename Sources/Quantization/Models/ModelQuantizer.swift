import Autograd
import Foundation
import NeuralNets
import Tensors
import Transformers

/// Whole-model post-training quantization of a GPT-2 or Llama model in place: the weights are
/// replaced by their dequantized values (simulated quantization), so the unchanged forward pass
/// measures the quality a quantized model would have.
public enum ModelQuantizer {
    /// What one quantized layer looked like.
    public struct LayerReport: Sendable {
        public let name: String
        public let outputErrorGPTQ: Double?
        public let meanSquaredWeightError: Double
    }

    // ANCHOR: gptq-model
    /// GPTQ block by block: block `b`'s layer inputs are recorded by running the calibration
    /// sequences through the model whose blocks `0..<b` are already quantized, so each block
    /// corrects the errors of the blocks before it. Within a block every layer's Hessian comes
    /// from the same pass (the reference code's default).
    @discardableResult
    public static func gptq(_ model: any LanguageModel, calibration: [[Int]], configuration: GPTQConfiguration) throws -> [LayerReport] {
        try gptq(model, calibration: calibration, configurations: { _ in configuration })
    }

    /// The same with each layer's own settings (e.g. its bit width in a mixed-bit allocation).
    @discardableResult
    public static func gptq(_ model: any LanguageModel, calibration: [[Int]],
                            configurations: (QuantizableLayer) throws -> GPTQConfiguration) throws -> [LayerReport] {
        guard !calibration.isEmpty else { throw QuantizationError.invalidSetting("GPTQ needs at least one calibration sequence") }
        var reports: [LayerReport] = []
        for block in QuantizableLayer.blocks(of: model) {
            let recorders = block.map { InputRecorder(inFeatures: $0.inFeatures, outFeatures: $0.outFeatures) }
            for (layer, recorder) in zip(block, recorders) { layer.install(recorder) }
            withNoGrad { for ids in calibration { _ = model(ids) } }
            for layer in block { layer.install(nil) }
            for (layer, recorder) in zip(block, recorders) {
                if let failure = recorder.failure { throw failure }
                let w = layer.weight.map(Double.init)
                let h = recorder.hessian.hessian
                let result = try GPTQ.quantize(weight: w, rows: layer.outFeatures, columns: layer.inFeatures, hessian: h,
                                               configuration: try configurations(layer))
                layer.setWeight(result.dequantizedFloats)
                reports.append(LayerReport(name: layer.name, outputErrorGPTQ: result.loss,
                                           meanSquaredWeightError: zip(w, result.dequantized).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(w.count)))
            }
        }
        return reports
    }
    // ANCHOR_END: gptq-model

    /// Round-to-nearest of every block layer with GPTQ's min/max quantizer (same groups, no error feedback).
    @discardableResult
    public static func roundToNearest(_ model: any LanguageModel, configuration: GPTQConfiguration) throws -> [LayerReport] {
        try QuantizableLayer.blocks(of: model).joined().map { layer in
            let w = layer.weight.map(Double.init)
            let q = try GPTQ.roundToNearest(weight: w, rows: layer.outFeatures, columns: layer.inFeatures, configuration: configuration)
            layer.setWeight(q.dequantized.map { Float($0) })
            return LayerReport(name: layer.name, outputErrorGPTQ: nil,
                               meanSquaredWeightError: zip(w, q.dequantized).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(w.count))
        }
    }

    /// Absmax int8 per output row (vector-wise), weights only.
    public static func absmaxInt8(_ model: any LanguageModel) throws {
        for layer in QuantizableLayer.blocks(of: model).joined() {
            let q = try QuantizedMatrix(Tensor(shape: [layer.outFeatures, layer.inFeatures], scalars: layer.weight), scheme: .absmax, granularity: .row)
            layer.setWeight(q.dequantized().scalars)
        }
    }

    /// LLM.int8(): int8 weights and activations with outlier features kept in floating point.
    /// Returns how many distinct outlier input features the layers met (after the model has run).
    public static func llmInt8(_ model: any LanguageModel, threshold: Float = 6) -> () -> Int {
        let adapters = QuantizableLayer.blocks(of: model).joined().map { layer in
            let a = LLMInt8Adapter(weight: Tensor(shape: [layer.outFeatures, layer.inFeatures], scalars: layer.weight), threshold: threshold)
            layer.install(a)
            return a
        }
        return { adapters.reduce(0) { $0 + $1.outlierColumns.count } }
    }

    /// Bytes to store the model: block layers at `bits` per weight plus, per row and group,
    /// an fp16 scale and a `bits`-wide zero point; everything else (embeddings, norms) in fp32.
    public static func storageBytes(_ model: any LanguageModel, bits: Int?, groupSize: Int? = nil) -> Int {
        let layers = Array(QuantizableLayer.blocks(of: model).joined())
        let quantized = layers.reduce(0) { $0 + $1.inFeatures * $1.outFeatures }
        let other = model.parameterCount - quantized
        guard let bits else { return model.parameterCount * 4 }
        let groups = layers.reduce(0) { $0 + $1.outFeatures * ($1.inFeatures / (groupSize ?? $1.inFeatures)) }
        return other * 4 + (quantized * bits + 7) / 8 + groups * 2 + (groups * bits + 7) / 8
    }

    // ANCHOR: perplexity
    /// `exp(mean −log p(next token))` over consecutive windows of `tokens`.
    public static func perplexity(_ model: any LanguageModel, tokens: [Int], window: Int) -> Double {
        var total = 0.0, count = 0
        withNoGrad {
            var start = 0
            while start + window + 1 <= tokens.count {
                let logits = model(Array(tokens[start..<(start + window)]))
                total += Double(crossEntropy(logits, targets: Array(tokens[(start + 1)...(start + window)])).value.scalar) * Double(window)
                count += window
                start += window
            }
        }
        return count == 0 ? .nan : exp(total / Double(count))
    }
    // ANCHOR_END: perplexity
}
