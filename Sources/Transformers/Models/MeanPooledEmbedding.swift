import Autograd
import Foundation
import Tensors

/// A text embedding from any decoder model: the mean of its final hidden states over the
/// text's tokens, scaled to unit length.
///
///     h = hiddenStates(tokens)          [1, T, C]
///     e = mean over T of h  / ‖·‖       [C]
///
/// A model trained only to predict the next token was never asked to place similar texts
/// near each other, so these vectors are a weaker retriever than a trained bi-encoder of
/// the same size, but they need no training and work with any GPT-2 or Llama folder. Long
/// texts are cut to their first `maxTokens` tokens: a section's opening says what it is
/// about, and every token costs a forward pass.
///
/// ```swift
/// let embedding = MeanPooledEmbedding(model: model, tokenizer: tokenizer)
/// let v = embedding.embed("What does the KV cache store?")     // [C], unit length
/// ```
public struct MeanPooledEmbedding: @unchecked Sendable {
    public let model: any LanguageModel
    public let tokenizer: BytePairTokenizer
    public let maxTokens: Int
    /// The width `C` of the hidden states.
    public let dimension: Int

    public init(model: any LanguageModel, tokenizer: BytePairTokenizer, maxTokens: Int = 128) {
        self.model = model
        self.tokenizer = tokenizer
        self.maxTokens = max(1, min(maxTokens, model.contextLength))
        dimension = model.hiddenStates([0], batchSize: 1, cache: nil).shape[2]
    }

    public func embed(_ text: String) -> [Float] {
        let ids = Array(tokenizer.encode(text, allowSpecialTokens: false).prefix(maxTokens))
        let c = dimension
        guard !ids.isEmpty else { return [Float](repeating: 0, count: c) }
        let h = model.hiddenStates(ids, batchSize: 1, cache: nil).value.scalars   // [1, T, C]
        var mean = [Float](repeating: 0, count: c)
        for t in 0..<ids.count { for j in 0..<c { mean[j] += h[t * c + j] } }
        let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? mean.map { $0 / norm } : mean
    }
}
