import Foundation

/// Reranking by late interaction (ColBERT's MaxSim) with a ``BiEncoder``'s term vectors.
///
/// A bi-encoder squeezes a whole passage into one vector before it sees the question, so a
/// long section that mentions the subject once looks like every other long section. Late
/// interaction keeps one vector per term and lets each question term find its best match:
///
///     score(q, d) = Σ_{t ∈ q} w(t) · max_{s ∈ d} cos(E[t], E[s])  /  Σ_{t ∈ q} w(t)
///
/// (idf-weighted, so "the" counts little). It costs |q| · |d| dot products per passage, too
/// many for a whole index, but cheap for the top 20 candidates a first stage returns. This is
/// the course's reranker: a cross-encoder would read question and passage together through a
/// transformer, which is better and far slower; MaxSim needs no second model.
///
/// ```swift
/// let reranker = LateInteraction(encoder: encoder)
/// let order = reranker.rerank("KV cache", passages: candidates)   // indexes into candidates, best first
/// ```
public struct LateInteraction: Sendable {
    public let encoder: BiEncoder
    /// Unit term vectors, computed once.
    private let unitTerms: [[Float]]

    public init(encoder: BiEncoder) {
        self.encoder = encoder
        unitTerms = (0..<encoder.vocabulary.count).map { encoder.termVector($0) }
    }

    // ANCHOR: maxsim
    public func score(_ question: String, _ passage: String) -> Float {
        let q = Array(Set(encoder.vocabulary.ids(of: question))), d = Array(Set(encoder.vocabulary.ids(of: passage)))
        guard !q.isEmpty, !d.isEmpty else { return 0 }
        var total: Float = 0, weights: Float = 0
        for t in q {
            let w = encoder.vocabulary.idf[t]
            // The best match of this question term anywhere in the passage.
            let best = d.reduce(-Float.infinity) { max($0, VectorMath.dot(unitTerms[t], unitTerms[$1])) }
            total += w * best
            weights += w
        }
        return total / weights
    }
    // ANCHOR_END: maxsim

    /// Indexes of `passages`, best first (ties keep the given order).
    public func rerank(_ question: String, passages: [String]) -> [Int] {
        let scores = passages.map { score(question, $0) }
        return passages.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }
}
