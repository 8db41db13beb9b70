import Foundation
import Tensors

/// A bi-encoder small enough to train on two cores in seconds: a text's embedding is the
/// idf-weighted mean of its terms' vectors, scaled to unit length.
///
/// For a text with known terms `t₁ … tₙ` (ids in a ``TermVocabulary``), term vectors `E[t]`
/// (rows of `E`, `[V, D]`) and idf weights `w(t)`:
///
///     u = Σᵢ w(tᵢ) E[tᵢ] / Σᵢ w(tᵢ)        (the pooled vector, [D])
///     e = u / ‖u‖                           (the embedding, [D]; cosine = inner product)
///
/// Questions and passages go through the same encoder (the two "towers" share weights), so
/// one index of passage embeddings serves every query. Nothing here reads word order: it is
/// a bag of terms, like BM25, but terms that appear in the same contexts end up with nearby
/// vectors, so "量化" can find a section that says "quantization". ``BiEncoderTrainer``
/// learns `E` with the InfoNCE loss. A text with no known term encodes to the zero vector.
///
/// ```swift
/// let encoder = try BiEncoderTrainer(pairs: pairs).train().encoder
/// let q = encoder.encode("What does the KV cache store?")       // [D], ‖q‖ = 1
/// let scores = sections.map { VectorMath.dot(q, encoder.encode($0)) }
/// ```
public struct BiEncoder: Sendable, Equatable {
    public let vocabulary: TermVocabulary
    public let dimension: Int
    /// Term vectors, `[V, D]` row-major.
    public internal(set) var embeddings: [Float]
    /// The temperature τ it was trained with (scores ÷ τ are the logits of InfoNCE).
    public let temperature: Float

    public init(vocabulary: TermVocabulary, dimension: Int, embeddings: [Float], temperature: Float) {
        precondition(embeddings.count == vocabulary.count * dimension,
                     "BiEncoder: \(embeddings.count) values for \(vocabulary.count) terms × \(dimension)")
        self.vocabulary = vocabulary
        self.dimension = dimension
        self.embeddings = embeddings
        self.temperature = temperature
    }

    /// Small random vectors (normal, standard deviation 1/√D), seeded.
    public init(vocabulary: TermVocabulary, dimension: Int, temperature: Float = 0.05, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let scale = 1 / Float(dimension).squareRoot()
        let values = (0..<(vocabulary.count * dimension)).map { _ in rng.nextNormal() * scale }
        self.init(vocabulary: vocabulary, dimension: dimension, embeddings: values, temperature: temperature)
    }

    // ANCHOR: encode
    /// The pooled vector `u` of a text's term ids (before normalizing) and the weight sum.
    func pooled(_ ids: [Int]) -> (u: [Float], weight: Float) {
        var u = [Float](repeating: 0, count: dimension)
        var total: Float = 0
        for id in ids {
            let w = vocabulary.idf[id]
            total += w
            for j in 0..<dimension { u[j] += w * embeddings[id * dimension + j] }
        }
        if total > 0 { for j in 0..<dimension { u[j] /= total } }
        return (u, total)
    }

    /// The unit-length embedding of `text`, `[D]`; zero if no term of it is known.
    public func encode(_ text: String) -> [Float] {
        VectorMath.normalized(pooled(vocabulary.ids(of: text)).u)
    }
    // ANCHOR_END: encode

    /// The unit vector of one term (for late interaction and nearest-term lookups), or nil.
    public func termVector(_ id: Int) -> [Float] {
        VectorMath.normalized(Array(embeddings[(id * dimension)..<((id + 1) * dimension)]))
    }
}
