import LLMCourseKit

// The reference answer: the course's counting of inference memory and work
// (Sources/Transformers/Attention/InferenceMemory.swift, region "kv-bytes").
func kvCacheBytes(layers: Int, kvHeads: Int, headSize: Int, tokens: Int, batch: Int, bytesPerValue: Int) -> Int {
    InferenceMemory.kvCacheBytes(layers: layers, kvHeads: kvHeads, headSize: headSize, tokens: tokens, batch: batch, bytesPerValue: bytesPerValue)
}

func positionsProcessed(prompt: Int, newTokens: Int, cached: Bool) -> Int {
    InferenceMemory.positionsProcessed(prompt: prompt, newTokens: newTokens, cached: cached)
}
