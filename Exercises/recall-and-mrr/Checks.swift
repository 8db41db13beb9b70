import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("recall@k of a worked example", zh: "手算範例的 recall@k") { c in
        // Relevant {2, 7}; ranked [4, 2, 9, 7]: one of the two is in the top 3, both in the top 4.
        try c.expectClose(recallAtK(ranked: [4, 2, 9, 7], relevant: [2, 7], k: 3), 0.5, "recall@3")
        try c.expectClose(recallAtK(ranked: [4, 2, 9, 7], relevant: [2, 7], k: 4), 1.0, "recall@4")
        try c.expectClose(recallAtK(ranked: [4, 2, 9, 7], relevant: [2, 7], k: 1), 0.0, "recall@1")
    }
    suite.check("recall edge cases: short rankings, k beyond the list, nothing relevant", zh: "recall 的邊界情況") { c in
        try c.expectClose(recallAtK(ranked: [7], relevant: [7, 8, 9], k: 10), 1.0 / 3, "one of three found, k past the end")
        try c.expectClose(recallAtK(ranked: [], relevant: [1], k: 5), 0.0, "empty ranking")
        try c.expectClose(recallAtK(ranked: [1, 2], relevant: [], k: 5), 0.0, "no relevant ids")
    }
    suite.check("MRR of a worked example", zh: "手算範例的 MRR") { c in
        // Query 1: first relevant at position 2 → 1/2. Query 2: position 1 → 1. Query 3: none → 0.
        let mrr = meanReciprocalRank(rankings: [[5, 3, 8], [1, 2], [4, 6]], relevant: [[3, 8], [1], [9]])
        try c.expectClose(mrr, 0.5, "MRR of (1/2 + 1 + 0) / 3")
        try c.expectClose(meanReciprocalRank(rankings: [], relevant: []), 0.0, "no queries")
    }
    suite.check("matches the library on random rankings", zh: "在隨機排名上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let queries = c.int(in: 1...8)
            let rankings = (0..<queries).map { _ in (0..<c.int(in: 0...10)).map { _ in c.int(in: 0...20) } }
            let relevant = (0..<queries).map { _ in Set((0..<c.int(in: 0...4)).map { _ in c.int(in: 0...20) }) }
            let k = c.int(in: 1...10)
            for (r, rel) in zip(rankings, relevant) {
                try c.expectClose(recallAtK(ranked: r, relevant: rel, k: k), RankingMetrics.recall(ranked: r, relevant: rel, k: k),
                                  atol: 1e-12, rtol: 1e-9, "recall@\(k) of \(r) against \(rel.sorted())")
            }
            try c.expectClose(meanReciprocalRank(rankings: rankings, relevant: relevant),
                              RankingMetrics.mean(rankings: rankings, relevant: relevant, k: k).mrr,
                              atol: 1e-12, rtol: 1e-9, "MRR over \(queries) queries")
        }
    }
}
