import LLMCourseKit

/// Bytes of a KV cache after `tokens` tokens: a key and a value vector of `headSize` numbers
/// per layer, per key/value head, per token, per sequence, each number `bytesPerValue` bytes.
func kvCacheBytes(layers: Int, kvHeads: Int, headSize: Int, tokens: Int, batch: Int, bytesPerValue: Int) -> Int {
    // TODO: multiply the shapes; remember that keys and values are both stored.
    return layers * kvHeads * headSize * tokens
}

/// Token positions the model processes to generate `newTokens` tokens after a `prompt`-token
/// prompt, with the cache (`cached`) or re-running the whole sequence at every step.
func positionsProcessed(prompt: Int, newTokens: Int, cached: Bool) -> Int {
    // TODO: with the cache, the prompt once and then one position per new token;
    // without it, prompt + s positions at step s.
    return prompt + newTokens
}
