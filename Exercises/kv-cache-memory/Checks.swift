import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("Llama 2 7B and grouped-query attention", zh: "Llama 2 7B 與分組查詢注意力") { c in
        try c.expectEqual(kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 1, batch: 1, bytesPerValue: 2), 524_288,
                          "Llama 2 7B, one token, 16-bit")
        try c.expectEqual(kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 4096, batch: 1, bytesPerValue: 2), 2 << 30,
                          "Llama 2 7B, 4,096 tokens (2 GiB)")
        try c.expectEqual(kvCacheBytes(layers: 30, kvHeads: 3, headSize: 64, tokens: 100, batch: 8, bytesPerValue: 4), 36_864_000,
                          "SmolLM-135M (3 key/value heads), 100 tokens, batch 8, 32-bit")
    }
    suite.check("positions, counted step by step", zh: "逐步數出的位置數") { c in
        try c.expectEqual(positionsProcessed(prompt: 16, newTokens: 240, cached: true), 255, "16-token prompt, 240 new tokens, cached")
        try c.expectEqual(positionsProcessed(prompt: 16, newTokens: 240, cached: false), 32_520, "16-token prompt, 240 new tokens, no cache")
        try c.expectEqual(positionsProcessed(prompt: 5, newTokens: 0, cached: true), 0, "no new tokens, cached")
        try c.expectEqual(positionsProcessed(prompt: 5, newTokens: 0, cached: false), 0, "no new tokens, no cache")
        for _ in 0..<20 {
            let prompt = c.int(in: 1...50), newTokens = c.int(in: 1...50)
            var uncached = 0
            for step in 0..<newTokens { uncached += prompt + step }
            try c.expectEqual(positionsProcessed(prompt: prompt, newTokens: newTokens, cached: false), uncached,
                              "prompt \(prompt), \(newTokens) new tokens, no cache")
        }
    }
    suite.check("matches the library on random shapes", zh: "在隨機形狀上與函式庫一致") { c in
        for _ in 0..<30 {
            let shape = [c.int(in: 1...80), c.int(in: 1...64), c.int(in: 16...256), c.int(in: 1...8192), c.int(in: 1...16), c.int(in: 1...4)]
            try c.expectEqual(kvCacheBytes(layers: shape[0], kvHeads: shape[1], headSize: shape[2], tokens: shape[3], batch: shape[4], bytesPerValue: shape[5]),
                              InferenceMemory.kvCacheBytes(layers: shape[0], kvHeads: shape[1], headSize: shape[2], tokens: shape[3],
                                                           batch: shape[4], bytesPerValue: shape[5]), "shape \(shape)")
            let prompt = c.int(in: 1...500), newTokens = c.int(in: 0...500), cached = c.bool()
            try c.expectEqual(positionsProcessed(prompt: prompt, newTokens: newTokens, cached: cached),
                              InferenceMemory.positionsProcessed(prompt: prompt, newTokens: newTokens, cached: cached),
                              "prompt \(prompt), \(newTokens) new tokens, cached: \(cached)")
        }
    }
}
