import Foundation
import Testing
@testable import Transformers

@Suite("Mean-pooled embeddings")
struct MeanPooledEmbeddingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gpt2-tiny")

    @Test("the mean of the final hidden states over the tokens, at unit length; logits come from the same states")
    func pooling() throws {
        let model = try GPT2Model(directory: Self.folder)
        let tokenizer = try BytePairTokenizer(directory: Self.folder)
        let embedding = MeanPooledEmbedding(model: model, tokenizer: tokenizer, maxTokens: 8)
        #expect(embedding.dimension == 48)
        let text = "the model reads a token and the model writes a token"
        let ids = Array(tokenizer.encode(text, allowSpecialTokens: false).prefix(8))
        let h = model.hiddenStates(ids, batchSize: 1, cache: nil).value.scalars
        var mean = [Float](repeating: 0, count: 48)
        for t in 0..<ids.count { for j in 0..<48 { mean[j] += h[t * 48 + j] / Float(ids.count) } }
        let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let v = embedding.embed(text)
        for j in 0..<48 { #expect(abs(v[j] - mean[j] / norm) < 1e-5) }
        #expect(embedding.embed("").allSatisfy { $0 == 0 })
        // The logits are the tied embedding matrix applied to the same hidden states.
        let logits = model.logits(ids, batchSize: 1).value.scalars
        let wte = model.transformer.wte.weight.value.scalars
        var first: Float = 0
        for j in 0..<48 { first += h[j] * wte[j] }
        #expect(abs(logits[0] - first) < 1e-4)
    }
}
