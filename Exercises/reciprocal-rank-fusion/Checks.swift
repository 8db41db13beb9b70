import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example with k = 60", zh: "k = 60 的手算範例") { c in
        // BM25 ranks [3, 1, 2], vectors rank [1, 4]. Scores: 1 → 1/62 + 1/61, 3 → 1/61, 4 → 1/62, 2 → 1/63.
        try c.expectEqual(reciprocalRankFusion([[3, 1, 2], [1, 4]], k: 60), [1, 3, 4, 2], "fusion of [3, 1, 2] and [1, 4]")
    }
    suite.check("agreement beats one first place", zh: "兩邊都排前面，勝過只有一邊第一") { c in
        // 7 is second in both lists; 5 and 9 are each first in one list only.
        try c.expectEqual(reciprocalRankFusion([[5, 7, 8], [9, 7, 8]], k: 60), [7, 8, 5, 9], "fusion of [5, 7, 8] and [9, 7, 8]")
    }
    suite.check("ties go to the lower id; a repeated id counts once per ranking", zh: "同分時 id 小的在前；同一份排名重複的 id 只算一次") { c in
        try c.expectEqual(reciprocalRankFusion([[8], [2], [5]], k: 60), [2, 5, 8], "three ids, each first once")
        try c.expectEqual(reciprocalRankFusion([[4, 4, 6], [6, 4]], k: 60), [4, 6], "4 repeated in the first ranking")
        try c.expectEqual(reciprocalRankFusion([], k: 60), [], "no rankings")
    }
    suite.check("k changes the weight of the top places", zh: "k 會改變前幾名的權重") { c in
        // With k = 1: 10 → 1/2, 20 → 1/3 + 1/3 = 2/3, so agreement wins. With k = 1000 every place is worth
        // about the same, so the id found in most rankings wins: 30 and 40 are in all three.
        try c.expectEqual(reciprocalRankFusion([[10, 20], [30, 20]], k: 1), [20, 10, 30], "k = 1")
        try c.expectEqual(reciprocalRankFusion([[10, 30, 40], [20, 30, 40], [40, 30]], k: 1000), [30, 40, 10, 20], "k = 1000")
    }
    suite.check("matches the library on random rankings", zh: "在隨機排名上與函式庫一致", points: 2) { c in
        for _ in 0..<30 {
            let rankings = (0..<c.int(in: 1...4)).map { _ in (0..<c.int(in: 0...12)).map { _ in c.int(in: 0...15) } }
            let k = c.pick([1.0, 10, 60, 100])
            let fused = ReciprocalRankFusion.fuse(rankings, k: k)
            let got = reciprocalRankFusion(rankings, k: k)
            try c.expectEqual(got.sorted(), fused.map(\.id).sorted(), "the ids of the fusion of \(rankings)")
            // Sums of the same fractions in another order may differ in the last bit: such
            // near-ties may come in either order, every other pair must be ordered as the library's.
            let score = Dictionary(uniqueKeysWithValues: fused.map { ($0.id, $0.score) })
            for (a, b) in zip(got, got.dropFirst()) {
                let (sa, sb) = (score[a]!, score[b]!)
                let nearTie = abs(sa - sb) <= 1e-12
                try c.expect(nearTie ? (abs(sa - sb) > 0 || a < b) : sa > sb,
                             "fusion of \(rankings) with k = \(k): \(a) (score \(sa)) is placed before \(b) (score \(sb))")
            }
        }
    }
}
