import Transformers

/// How many numbers LoRA trains, from shapes alone — so the lesson's figures for models too
/// big to load here are computed, not typed.
///
/// ```
/// one adapter on an in→out projection:  r · (in + out)      (A: [r, in], B: [out, r])
/// ```
///
/// ```swift
/// LoRAParameterCount.adapter(inFeatures: 4096, outFeatures: 4096, rank: 16)       // 131_072
/// let tiny = LoRAParameterCount.llama(.tinyLlama, rank: 32)                         // every linear layer
/// Double(tiny.adapters) / Double(tiny.base + tiny.adapters)                          // share of all parameters
/// ```
public enum LoRAParameterCount {
    // ANCHOR: count
    /// Parameters of one adapter on an `inFeatures → outFeatures` projection.
    public static func adapter(inFeatures: Int, outFeatures: Int, rank: Int) -> Int {
        rank * (inFeatures + outFeatures)
    }

    /// Adapter parameters with rank `rank` on every linear layer of a Llama-style model (q, k, v,
    /// o, gate, up, down in each block), and the base model's own parameter count.
    public static func llama(_ config: LlamaConfig, rank: Int) -> (adapters: Int, base: Int) {
        let hidden = config.hiddenSize, inner = config.intermediateSize
        let queries = config.headCount * config.headSize, keyValues = config.keyValueHeadCount * config.headSize
        // (in, out) of each projection in one block.
        let projections = [(hidden, queries), (hidden, keyValues), (hidden, keyValues), (queries, hidden),
                           (hidden, inner), (hidden, inner), (inner, hidden)]
        let adaptersPerBlock = projections.reduce(0) { $0 + adapter(inFeatures: $1.0, outFeatures: $1.1, rank: rank) }
        let weightsPerBlock = projections.reduce(0) { $0 + $1.0 * $1.1 } + 2 * hidden   // + two RMSNorm gains
        let embeddings = config.vocabularySize * hidden * (config.tiesWordEmbeddings ? 1 : 2)
        return (config.layerCount * adaptersPerBlock, embeddings + config.layerCount * weightsPerBlock + hidden)
    }
    // ANCHOR_END: count
}

extension LlamaConfig {
    /// TinyLlama-1.1B's shape (TinyLlama/TinyLlama-1.1B-Chat-v1.0 `config.json`).
    public static let tinyLlama = LlamaConfig(
        vocabularySize: 32000, hiddenSize: 2048, intermediateSize: 5632, layerCount: 22, headCount: 32,
        keyValueHeadCount: 4, rmsNormEpsilon: 1e-5, ropeTheta: 10_000, maxPositions: 2048, tiesWordEmbeddings: false)
}
