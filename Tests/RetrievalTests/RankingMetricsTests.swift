import Foundation
import Testing
@testable import Retrieval

@Suite("Ranking metrics")
struct RankingMetricsTests {
    @Test("recall@k counts the relevant ids in the first k")
    func recall() {
        #expect(RankingMetrics.recall(ranked: [4, 2, 9], relevant: [2, 7], k: 3) == 0.5)
        #expect(RankingMetrics.recall(ranked: [4, 2, 9], relevant: [2, 7], k: 1) == 0)
        #expect(RankingMetrics.recall(ranked: [7, 2], relevant: [2, 7], k: 2) == 1)
        #expect(RankingMetrics.recall(ranked: [1], relevant: [], k: 5) == 0)
    }

    @Test("reciprocal rank is 1 / position of the first relevant id")
    func reciprocalRank() {
        #expect(RankingMetrics.reciprocalRank(ranked: [4, 2, 9], relevant: [2, 7]) == 0.5)
        #expect(RankingMetrics.reciprocalRank(ranked: [4, 5, 6, 7], relevant: [7, 6]) == 1.0 / 3)
        #expect(RankingMetrics.reciprocalRank(ranked: [1, 2], relevant: [3]) == 0)
        let m = RankingMetrics.mean(rankings: [[1, 2], [3, 4], [5]], relevant: [[2], [3], [9]], k: 1)
        #expect(abs(m.recall - 1.0 / 3) < 1e-15)
        #expect(abs(m.mrr - (0.5 + 1 + 0) / 3) < 1e-15)
    }

    @Test("nDCG@k against hand-computed values")
    func ndcg() {
        // Gains 3, 2, 0 ranked [c, a, b] where a=3, b=2, c=0:
        // DCG = 0/1 + 3/log₂3 + 2/2 = 2.8928…, ideal = 3 + 2/log₂3 = 4.2619…
        let gains: [Int: Double] = [1: 3, 2: 2, 3: 0]
        let expected = (3 / log2(3.0) + 1) / (3 + 2 / log2(3.0))
        #expect(abs(RankingMetrics.ndcg(ranked: [3, 1, 2], gains: gains, k: 3) - expected) < 1e-12)
        #expect(RankingMetrics.ndcg(ranked: [1, 2, 3], gains: gains, k: 3) == 1)
        #expect(abs(RankingMetrics.ndcg(ranked: [4, 2], gains: [2: 1, 4: 0], k: 2) - 1 / log2(3.0)) < 1e-12)
        #expect(RankingMetrics.ndcg(ranked: [1], gains: [:], k: 3) == 0)
    }
}
