/// The memory that inference keeps besides the weights, counted from shapes.
///
/// ```swift
/// InferenceMemory.kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 4096, bytesPerValue: 2)
/// // 2 · 32 · 32 · 128 · 2 bytes per token × 4096 tokens = 2 GiB (Llama 2 7B, 16-bit)
/// ```
public enum InferenceMemory {
    // ANCHOR: kv-bytes
    /// Bytes of a KV cache: a key and a value vector (`2`) per layer, per key/value head, per
    /// cached token, per sequence of the batch:
    ///
    /// ```
    /// bytes = 2 · layers · kvHeads · headSize · tokens · batch · bytesPerValue
    /// ```
    /// Grouped-query attention divides it by `heads / kvHeads`; an 8-bit cache halves a 16-bit one.
    public static func kvCacheBytes(layers: Int, kvHeads: Int, headSize: Int, tokens: Int, batch: Int = 1,
                                    bytesPerValue: Int = 4) -> Int {
        2 * layers * kvHeads * headSize * tokens * batch * bytesPerValue
    }
    // ANCHOR_END: kv-bytes

    /// The bytes a ``KVCache`` holds right now (32-bit floats), counted from its tensors.
    public static func bytes(of cache: KVCache) -> Int {
        (cache.keys + cache.values).reduce(0) { $0 + ($1?.count ?? 0) } * 4
    }

    /// Bytes of the attention weights that plain attention materializes for one head:
    /// a `queryLength × keyLength` matrix of 32-bit floats (scores, then softmax in place).
    public static func attentionMatrixBytes(queryLength: Int, keyLength: Int) -> Int {
        queryLength * keyLength * 4
    }

    /// Bytes ``flashAttention(query:key:value:causal:alibiSlopes:blockSize:)`` keeps as scratch,
    /// whatever the sequence length: one score tile, the running maximum and sum per row of
    /// the query block, and the block's output accumulator.
    public static func flashScratchBytes(blockSize: Int, headSize: Int) -> Int {
        (blockSize * blockSize + 2 * blockSize + blockSize * headSize) * 4
    }

    /// Token positions the model processes to generate `newTokens` after a `prompt`-token
    /// prompt: with a cache the prompt once and then one position per token; without, the
    /// whole sequence again at every step.
    public static func positionsProcessed(prompt: Int, newTokens: Int, cached: Bool) -> Int {
        guard newTokens > 0 else { return 0 }
        if cached { return prompt + newTokens - 1 }
        // Σ over steps s = 0 … newTokens−1 of (prompt + s)
        return newTokens * prompt + newTokens * (newTokens - 1) / 2
    }
}
