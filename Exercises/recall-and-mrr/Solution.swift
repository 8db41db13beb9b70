import LLMCourseKit

// The reference answer: the library's metrics (Sources/Retrieval/Evaluation/RankingMetrics.swift,
// region "recall-mrr").
func recallAtK(ranked: [Int], relevant: Set<Int>, k: Int) -> Double {
    RankingMetrics.recall(ranked: ranked, relevant: relevant, k: k)
}

func meanReciprocalRank(rankings: [[Int]], relevant: [Set<Int>]) -> Double {
    RankingMetrics.mean(rankings: rankings, relevant: relevant, k: 1).mrr
}
