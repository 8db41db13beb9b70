import LLMCourseKit

/// recall@k: the fraction of the relevant ids that appear among the first `k` ranked ids
/// (an id ranked twice still counts once).
/// With no relevant ids at all, return 0.
func recallAtK(ranked: [Int], relevant: Set<Int>, k: Int) -> Double {
    // TODO: count the relevant ids in ranked.prefix(k), divide by relevant.count.
    return 0
}

/// Mean reciprocal rank over several queries: for each query, 1 / (position of its first
/// relevant id, counting from 1), or 0 when none is ranked; then the mean over the queries.
/// `rankings[i]` and `relevant[i]` belong to query `i`. With no queries, return 0.
func meanReciprocalRank(rankings: [[Int]], relevant: [Set<Int>]) -> Double {
    // TODO: the reciprocal rank of each query, then their average.
    return 0
}
