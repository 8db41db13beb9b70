import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("[1, 2, 1, 2] seen 3 times: (1, 2) counts 6", zh: "出現 3 次的 [1, 2, 1, 2]：(1, 2) 算 6 次") { c in
        let best = mostFrequentPair(in: [(ids: [1, 2, 1, 2], count: 3), (ids: [2, 1], count: 2)])
        try c.expect(best != nil, "a pair is found")
        try c.expectEqual([best!.pair.left, best!.pair.right, best!.count], [1, 2, 6], "pair and count")
        try c.expect(mostFrequentPair(in: [(ids: [7], count: 9), (ids: [], count: 1)]) == nil, "no word with two ids gives nil")
    }
    suite.check("a tie goes to the pair with the smaller ids", zh: "平手時取 id 較小的配對") { c in
        let best = mostFrequentPair(in: [(ids: [5, 9], count: 4), (ids: [3, 8], count: 4), (ids: [3, 9], count: 4)])
        try c.expectEqual([best!.pair.left, best!.pair.right], [3, 8], "tie among three pairs of count 4")
    }
    suite.check("merging scans left to right: [1, 1, 1] becomes [new, 1]", zh: "合併由左到右：[1, 1, 1] 變成 [new, 1]") { c in
        let merged = merge(BytePairTokenizer.Pair(1, 1), into: 9, in: [(ids: [1, 1, 1], count: 2), (ids: [1, 1, 1, 1], count: 1), (ids: [2, 1], count: 5)])
        try c.expectEqual(merged.map(\.ids), [[9, 1], [9, 9], [2, 1]], "merged ids")
        try c.expectEqual(merged.map(\.count), [2, 1, 5], "counts are kept")
    }
    suite.check("matches the library on random words, step after step", zh: "在隨機的詞上逐步與函式庫一致", points: 2) { c in
        for _ in 0..<10 {
            var words: [(ids: [Int], count: Int)] = []
            for _ in 0..<c.int(in: 1...12) {
                var ids: [Int] = []
                for _ in 0..<c.int(in: 0...10) { ids.append(c.int(in: 0...4)) }
                words.append((ids: ids, count: c.int(in: 1...5)))
            }
            var next = 100
            while let expected = BytePairTrainer.mostFrequentPair(in: words) {
                let ours = mostFrequentPair(in: words)
                try c.expect(ours?.pair == expected.pair && ours?.count == expected.count,
                             "best pair of \(words.map(\.ids)) × \(words.map(\.count)): expected (\(expected.pair.left), \(expected.pair.right)) × \(expected.count)")
                let reference = BytePairTrainer.merge(expected.pair, into: next, in: words)
                try c.expectEqual(merge(expected.pair, into: next, in: words).map(\.ids), reference.map(\.ids), "merge of (\(expected.pair.left), \(expected.pair.right)) into \(next)")
                words = reference
                next += 1
            }
        }
    }
}
