/// Reciprocal rank fusion (Cormack, Clarke & Büttcher, 2009): merge rankings from retrievers
/// whose scores cannot be compared, such as BM25 and cosine similarity.
///
/// Each document gets, from every ranking that contains it,
///
///     RRF(d) = Σ_rankings 1 / (k + rank(d))       (rank counted from 1; k = 60 by default)
///
/// Only positions matter, never the scores themselves, so no normalization is needed. The
/// constant `k` flattens the curve: first place is worth 1/61 and tenth 1/70, so a document
/// ranked well by both retrievers beats one ranked first by only one of them.
///
/// ```swift
/// let fused = ReciprocalRankFusion.fuse([[3, 1, 2], [1, 4]])
/// fused.map(\.id)          // [1, 3, 4, 2]: 1 is in both lists
/// ```
public enum ReciprocalRankFusion {
    // ANCHOR: fuse
    /// The fused ranking, best first; equal scores in order of lower id.
    public static func fuse(_ rankings: [[Int]], k: Double = 60) -> [SearchHit] {
        var scores: [Int: Double] = [:]
        for ranking in rankings {
            var seen = Set<Int>()
            for (position, id) in ranking.enumerated() where seen.insert(id).inserted {
                scores[id, default: 0] += 1 / (k + Double(position + 1))
            }
        }
        return scores.map { SearchHit(id: $0.key, score: $0.value) }.sorted(by: SearchHit.ranksBefore)
    }
    // ANCHOR_END: fuse

    /// Fuses search results (their order is what counts).
    public static func fuse(_ results: [[SearchHit]], k: Double = 60) -> [SearchHit] {
        fuse(results.map { $0.map(\.id) }, k: k)
    }
}
