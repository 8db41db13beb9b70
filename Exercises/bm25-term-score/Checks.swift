import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example", zh: "手算範例") { c in
        // N = 2, df = 1: idf = ln(1.5 / 1.5 + 1) = ln 2. |d| = 2, avgdl = 2.5, k1 = 1.5, b = 0.75:
        // 1 − 0.75 + 0.75 · 0.8 = 0.85, so the weight is 1 / (1 + 1.275) = 1 / 2.275.
        let s = bm25TermScore(tf: 1, documentLength: 2, averageLength: 2.5, documentFrequency: 1, documentCount: 2, k1: 1.5, b: 0.75)
        try c.expectClose(s, log(2.0) / 2.275, atol: 1e-12, rtol: 1e-9, "score of a term in 1 of 2 documents")
    }
    suite.check("an absent term scores 0; a common term still scores above 0", zh: "沒出現的詞得 0；常見的詞仍大於 0") { c in
        try c.expectEqual(bm25TermScore(tf: 0, documentLength: 10, averageLength: 8, documentFrequency: 3, documentCount: 9, k1: 1.2, b: 0.75), 0, "tf = 0")
        let common = bm25TermScore(tf: 2, documentLength: 10, averageLength: 10, documentFrequency: 9, documentCount: 10, k1: 1.2, b: 0.75)
        try c.expect(common > 0 && common < 0.2, "a term in 9 of 10 documents should score a little above 0, got \(common)")
    }
    suite.check("repeats saturate: the score grows with tf but stays below idf", zh: "重複會飽和：分數隨 tf 增加，但有上限") { c in
        let scores = (1...50).map { bm25TermScore(tf: $0, documentLength: 20, averageLength: 20, documentFrequency: 2, documentCount: 100, k1: 1.5, b: 0.75) }
        let idf = log((100.0 - 2 + 0.5) / 2.5 + 1)
        for i in 1..<scores.count { try c.expect(scores[i] > scores[i - 1], "score should grow from tf = \(i) to \(i + 1)") }
        try c.expect(scores.last! < idf, "the weight tf / (tf + k1·…) is below 1, so the score stays below idf = \(idf); got \(scores.last!)")
        try c.expect(scores[9] - scores[8] < (scores[1] - scores[0]) / 10, "the tenth repeat should add far less than the second")
    }
    suite.check("b = 0 ignores length; b = 1 divides by the full length ratio", zh: "b = 0 不看長度；b = 1 完全按長度比例正規化") { c in
        let short = bm25TermScore(tf: 3, documentLength: 5, averageLength: 20, documentFrequency: 4, documentCount: 50, k1: 1.2, b: 0)
        let long = bm25TermScore(tf: 3, documentLength: 80, averageLength: 20, documentFrequency: 4, documentCount: 50, k1: 1.2, b: 0)
        try c.expectClose(short, long, atol: 1e-12, rtol: 1e-12, "with b = 0 the length must not matter")
        let idf = log((50.0 - 4 + 0.5) / 4.5 + 1)
        let full = bm25TermScore(tf: 3, documentLength: 80, averageLength: 20, documentFrequency: 4, documentCount: 50, k1: 1.2, b: 1)
        try c.expectClose(full, idf * 3 / (3 + 1.2 * 4), atol: 1e-12, rtol: 1e-9, "b = 1, a document four times the average")
    }
    suite.check("matches the library on random inputs", zh: "在隨機輸入上與函式庫一致", points: 2) { c in
        for _ in 0..<50 {
            let n = c.int(in: 1...1000), df = c.int(in: 1...n), tf = c.int(in: 0...20), length = c.int(in: max(tf, 1)...300)
            let average = c.double(in: 1...200), k1 = c.double(in: 0.5...2.5), b = c.double(in: 0...1)
            let expected = BM25.termScore(count: tf, documentLength: length, averageLength: average,
                                          idf: BM25.idf(documentFrequency: df, documentCount: n), k1: k1, b: b)
            try c.expectClose(bm25TermScore(tf: tf, documentLength: length, averageLength: average, documentFrequency: df, documentCount: n, k1: k1, b: b),
                              expected, atol: 1e-12, rtol: 1e-9, "tf \(tf), |d| \(length), avgdl \(average), df \(df), N \(n), k1 \(k1), b \(b)")
        }
    }
}
