import Foundation

/// How good a ranking is, given which documents are relevant: the numbers a retrieval
/// change must improve.
///
/// For one query with ranked results `r₁, r₂, …` and a set `R` of relevant ids:
///
///     recall@k  = |{r₁ … r_k} ∩ R| / |R|
///     RR        = 1 / (rank of the first relevant result), 0 if none is returned
///     DCG@k     = Σ_{i ≤ k} gain(rᵢ) / log₂(i + 1)
///     nDCG@k    = DCG@k / DCG@k of the ideal order (all gains sorted, highest first)
///
/// Averaged over a question set, RR is the MRR (mean reciprocal rank). recall@k asks "is the
/// answer in what we put in the prompt?"; MRR and nDCG also reward putting it first.
///
/// ```swift
/// RankingMetrics.recall(ranked: [4, 2, 9], relevant: [2, 7], k: 3)      // 0.5
/// RankingMetrics.reciprocalRank(ranked: [4, 2, 9], relevant: [2, 7])   // 0.5
/// RankingMetrics.ndcg(ranked: [4, 2], gains: [2: 1, 4: 0], k: 2)        // (1/log₂3) / 1 ≈ 0.631
/// ```
public enum RankingMetrics {
    // ANCHOR: recall-mrr
    public static func recall(ranked: [Int], relevant: Set<Int>, k: Int) -> Double {
        guard !relevant.isEmpty else { return 0 }
        let found = Set(ranked.prefix(k)).intersection(relevant).count
        return Double(found) / Double(relevant.count)
    }

    public static func reciprocalRank(ranked: [Int], relevant: Set<Int>) -> Double {
        guard let position = ranked.firstIndex(where: relevant.contains) else { return 0 }
        return 1 / Double(position + 1)
    }

    /// Mean recall@k and mean reciprocal rank over many queries.
    public static func mean(rankings: [[Int]], relevant: [Set<Int>], k: Int) -> (recall: Double, mrr: Double) {
        precondition(rankings.count == relevant.count, "RankingMetrics.mean: \(rankings.count) rankings for \(relevant.count) relevance sets")
        guard !rankings.isEmpty else { return (0, 0) }
        var recallSum = 0.0, rrSum = 0.0
        for (ranking, rel) in zip(rankings, relevant) {
            recallSum += recall(ranked: ranking, relevant: rel, k: k)
            rrSum += reciprocalRank(ranked: ranking, relevant: rel)
        }
        return (recallSum / Double(rankings.count), rrSum / Double(rankings.count))
    }
    // ANCHOR_END: recall-mrr

    // ANCHOR: ndcg
    /// `gains` maps an id to its graded relevance (missing ids gain 0).
    public static func ndcg(ranked: [Int], gains: [Int: Double], k: Int) -> Double {
        func dcg(_ g: [Double]) -> Double {
            g.prefix(k).enumerated().reduce(0) { $0 + $1.element / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(gains.values.sorted(by: >))
        guard ideal > 0 else { return 0 }
        return dcg(ranked.map { gains[$0] ?? 0 }) / ideal
    }
    // ANCHOR_END: ndcg
}
