import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("\"the the the the\" against \"the cat is on the mat\" matches 2 of 4 unigrams", zh: "「the the the the」對照「the cat is on the mat」，4 個單字詞中只有 2 個算對") { c in
        let r = clippedCounts(hypothesis: ["the", "the", "the", "the"], references: [["the", "cat", "is", "on", "the", "mat"]], order: 1)
        try c.expectEqual(r.matches, 2, "clipped unigram matches")
        try c.expectEqual(r.total, 4, "unigrams of the output")
    }
    suite.check("the clip is the most in any single reference, not the sum over references", zh: "上限取單一參考答案裡的最多次數，而不是各參考答案的總和") { c in
        let refs = [["a", "b", "a"], ["a", "c"], ["b", "b"]]
        let r = clippedCounts(hypothesis: ["a", "a", "a", "b", "b", "b"], references: refs, order: 1)
        try c.expectEqual(r.matches, 4, "a clipped to 2 and b to 2")
        let bigrams = clippedCounts(hypothesis: ["a", "b", "a", "b"], references: refs, order: 2)
        try c.expectEqual(bigrams.matches, 2, "\"a b\" once, \"b a\" once")
        try c.expectEqual(bigrams.total, 3, "bigrams of a 4-word output")
        try c.expectEqual(clippedCounts(hypothesis: ["a"], references: refs, order: 2).total, 0, "a 1-word output has no bigrams")
    }
    suite.check("brevity penalty: closest reference length, ties to the shorter, 1 when long enough", zh: "簡短懲罰：取最接近的參考長度，同樣接近取較短者，夠長時為 1") { c in
        try c.expectClose(brevityPenalty(hypothesisLength: 4, referenceLengths: [8]), exp(-1), atol: 1e-12, "c = 4, r = 8")
        try c.expectClose(brevityPenalty(hypothesisLength: 5, referenceLengths: [4, 6]), 1, atol: 1e-12, "tie between 4 and 6 picks 4")
        try c.expectClose(brevityPenalty(hypothesisLength: 5, referenceLengths: [9, 6]), exp(1 - 6.0 / 5), atol: 1e-12, "closest is 6")
        try c.expectClose(brevityPenalty(hypothesisLength: 0, referenceLengths: [3]), 0, atol: 0, "an empty output")
    }
    suite.check("matches the library on random sentences with up to three references", zh: "在隨機句子與最多三個參考答案上與函式庫一致", points: 2) { c in
        let words = ["the", "cat", "sat", "on", "a", "mat", "dog", "."]
        for _ in 0..<30 {
            func sentence() -> [String] {
                var out: [String] = []
                for _ in 0..<c.int(in: 0...12) { out.append(words[c.int(in: 0...(words.count - 1))]) }
                return out
            }
            let hypothesis = sentence()
            var references: [[String]] = []
            for _ in 0..<c.int(in: 1...3) { references.append(sentence()) }
            let stats = BLEU.statistics(hypothesis: hypothesis, references: references)
            for order in 1...4 {
                let r = clippedCounts(hypothesis: hypothesis, references: references, order: order)
                try c.expectEqual(r.matches, stats.matches[order - 1], "\(order)-gram matches of \(hypothesis) against \(references)")
                try c.expectEqual(r.total, stats.totals[order - 1], "\(order)-gram total of \(hypothesis)")
            }
            let c0 = stats.hypothesisLength, r0 = Double(stats.referenceLength)
            let expected = c0 >= Int(r0) ? 1 : (c0 > 0 ? exp(1 - r0 / Double(c0)) : 0)
            try c.expectClose(brevityPenalty(hypothesisLength: hypothesis.count, referenceLengths: references.map(\.count)), expected,
                              atol: 1e-12, "BP for length \(hypothesis.count) against \(references.map(\.count))")
        }
    }
}
