import Foundation
import Testing
import Autograd
import Tensors
@testable import Transformers

@Suite("Inference memory: KV cache and attention, counted from shapes")
struct InferenceMemoryTests {
    @Test func publishedModelSizes() {
        // Llama 2 7B: 32 layers, 32 key/value heads of 128, 16-bit: half a MiB per token.
        #expect(InferenceMemory.kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 1, bytesPerValue: 2) == 524_288)
        #expect(InferenceMemory.kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 4096, bytesPerValue: 2) == 2 << 30)
        // SmolLM-135M: 30 layers, 3 key/value heads of 64, 32-bit: 46,080 bytes per token.
        #expect(InferenceMemory.kvCacheBytes(layers: 30, kvHeads: 3, headSize: 64, tokens: 1) == 46_080)
        #expect(InferenceMemory.kvCacheBytes(layers: 30, kvHeads: 3, headSize: 64, tokens: 10, batch: 4) == 46_080 * 40)
    }

    @Test func theFormulaIsWhatARealCacheHolds() throws {
        let gpt2 = try GPT2Model(directory: Fixtures.url("gpt2-tiny"))
        let cache = gpt2.makeCache()
        _ = withNoGrad { gpt2.logits(Array(1...11), batchSize: 1, cache: cache) }
        _ = withNoGrad { gpt2.logits([5], batchSize: 1, cache: cache) }
        let c = gpt2.config
        #expect(InferenceMemory.bytes(of: cache) == InferenceMemory.kvCacheBytes(layers: c.layerCount, kvHeads: c.headCount,
                                                                                  headSize: c.embeddingSize / c.headCount, tokens: 12))
        // Llama with grouped-query attention: 2 key/value heads for 4 query heads halve the cache.
        let llama = try LlamaModel(directory: Fixtures.url("llama-tiny"))
        let grouped = llama.makeCache()
        _ = withNoGrad { llama.logits(Array(1...7), batchSize: 1, cache: grouped) }
        #expect(InferenceMemory.bytes(of: grouped) == InferenceMemory.kvCacheBytes(layers: 2, kvHeads: 2, headSize: 16, tokens: 7))
    }

    @Test func positionsProcessedMatchACount() {
        for (prompt, newTokens) in [(1, 1), (8, 5), (16, 64), (100, 0)] {
            var uncached = 0, cached = 0
            for step in 0..<newTokens {
                uncached += prompt + step          // the whole sequence so far, again
                cached += step == 0 ? prompt : 1   // the prompt once, then the new token alone
            }
            #expect(InferenceMemory.positionsProcessed(prompt: prompt, newTokens: newTokens, cached: false) == uncached)
            #expect(InferenceMemory.positionsProcessed(prompt: prompt, newTokens: newTokens, cached: true) == cached)
        }
    }

    @Test func attentionScratch() {
        #expect(InferenceMemory.attentionMatrixBytes(queryLength: 4096, keyLength: 4096) == 64 << 20)
        // One 32 × 32 tile, two rows of 32 and a 32 × 64 accumulator: 3,136 floats.
        #expect(InferenceMemory.flashScratchBytes(blockSize: 32, headSize: 64) == 3_136 * 4)
    }
}

@Suite("The decoding roofline")
struct DecodeRooflineTests {
    /// The roofline's arithmetic on given bandwidth and FLOP/s: modelled seconds, no clock is read.
    @Test func memoryBoundThenComputeBound() {
        // 25M parameters in 32-bit floats at 20 GB/s: 5 ms to read; 100 GFLOP/s: 0.5 ms per sequence.
        let step = DecodeRoofline(parameters: 25_000_000, bytesPerWeight: 4, bandwidth: 20e9, flops: 100e9)
        #expect(abs(step.seconds(batch: 1) - 0.005) < 1e-12)
        #expect(abs(step.seconds(batch: 10) - 0.005) < 1e-12)   // the crossover: both take 5 ms
        #expect(abs(step.seconds(batch: 20) - 0.010) < 1e-12)
        #expect(abs(step.crossoverBatch - 10) < 1e-9)
        #expect(abs(step.tokensPerSecond(batch: 1) - 200) < 1e-6)
        #expect(abs(step.tokensPerSecond(batch: 40) - 2000) < 1e-6)  // compute-bound: flops / (2·P)
        // Half the bytes per weight (16-bit) halves the reading time and the crossover batch.
        let half = DecodeRoofline(parameters: 25_000_000, bytesPerWeight: 2, bandwidth: 20e9, flops: 100e9)
        #expect(abs(half.seconds(batch: 1) - 0.0025) < 1e-12 && abs(half.crossoverBatch - 5) < 1e-9)
    }
}
