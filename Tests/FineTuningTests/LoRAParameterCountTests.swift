import Testing
import Transformers
@testable import FineTuning

/// The counts the lessons quote, against sums worked out by hand from the published shapes.
@Suite struct LoRAParameterCountTests {
    @Test func oneSquareProjection() {
        #expect(LoRAParameterCount.adapter(inFeatures: 4096, outFeatures: 4096, rank: 16) == 16 * 8192)
    }

    @Test func tinyLlamaEveryLinearLayerAtRank32() {
        let counts = LoRAParameterCount.llama(.tinyLlama, rank: 32)
        // Per block: q, o 2048+2048; k, v 2048+256; gate, up, down 2048+5632 → 35 840 · 32 · 22 layers.
        #expect(counts.adapters == 35_840 * 32 * 22)
        // TinyLlama-1.1B has 1 100 048 384 parameters (embeddings and lm_head untied).
        #expect(counts.base == 1_100_048_384)
    }

    @Test func matchesAnAdaptedGPT2Count() {
        // A tied 2-layer GPT-2-like check is in LoRAParityTests; here a Llama with tied embeddings.
        let config = LlamaConfig(vocabularySize: 10, hiddenSize: 8, intermediateSize: 12, layerCount: 1, headCount: 2, tiesWordEmbeddings: true)
        let counts = LoRAParameterCount.llama(config, rank: 2)
        #expect(counts.adapters == 2 * ((8 + 8) * 4 + (8 + 12) * 3))
        #expect(counts.base == 10 * 8 + (8 * 8 * 4 + 8 * 12 * 3 + 16) + 8)
    }
}
