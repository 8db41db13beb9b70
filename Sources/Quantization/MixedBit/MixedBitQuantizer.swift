import Transformers

/// Applies a ``BitAllocation`` to a model: GPTQ block by block as in
/// ``ModelQuantizer/gptq(_:calibration:configuration:)``, each layer at its own width, and the
/// storage such a model needs.
///
/// ```swift
/// let profiles = try LayerErrorProfile.measure(model, calibration: calibration, widths: [2, 3, 4, 5, 6, 8])
/// let allocation = try BitAllocation.optimal(profiles, budget: 3.5)      // bits per weight
/// try MixedBitQuantizer.apply(allocation, to: model, calibration: calibration)
/// MixedBitQuantizer.storageBytes(model, allocation: allocation)
/// ```
///
/// The profiles judge each layer on the unquantized model's inputs, while the final pass feeds
/// each block the output of the blocks already quantized (so it can correct their errors). The
/// two see slightly different inputs; the profile is a ranking of where bits help most, not a
/// prediction of the final error, which is why the demo measures perplexity after applying.
///
/// The storage counts each layer's codes at its width plus, per row and group, an fp16 scale
/// and a zero point at that width: mixing widths costs nothing extra in this accounting. A real
/// kernel must also know each layer's width, a few bytes per layer that are left out.
public enum MixedBitQuantizer {
    // ANCHOR: apply
    /// Quantizes every block layer of `model` in place at the width `allocation` gives it
    /// (layers in the order of ``QuantizableLayer/blocks(of:)``, the order the profiles use);
    /// pass the `base` settings the profiles were measured with.
    @discardableResult
    public static func apply(_ allocation: BitAllocation, to model: any LanguageModel, calibration: [[Int]],
                             base: GPTQConfiguration = GPTQConfiguration()) throws -> [ModelQuantizer.LayerReport] {
        let names = QuantizableLayer.blocks(of: model).joined().map(\.name)
        guard names.count == allocation.bits.count else {
            throw QuantizationError.shapeMismatch("the allocation has \(allocation.bits.count) widths for \(names.count) layers")
        }
        let width = Dictionary(uniqueKeysWithValues: zip(names, allocation.bits))
        return try ModelQuantizer.gptq(model, calibration: calibration) { layer in
            var configuration = base   // the profiles' settings, at this layer's width
            configuration.bits = width[layer.name]!
            return configuration
        }
    }
    // ANCHOR_END: apply

    /// Bytes to store `model` with its block layers as `allocation` says (codes, fp16 scales and
    /// zero points) and everything else in fp32, the accounting of
    /// ``ModelQuantizer/storageBytes(_:bits:groupSize:)``.
    public static func storageBytes(_ model: any LanguageModel, allocation: BitAllocation) -> Int {
        let other = model.parameterCount - allocation.weightCount
        return other * 4 + (allocation.storageBits + 7) / 8
    }
}
