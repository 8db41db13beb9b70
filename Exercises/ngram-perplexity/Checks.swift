import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: \"aab\", then \"ab\"", zh: "手算範例：以「aab」訓練，評估「ab」") { c in
        // V = {a, b, unknown} = 3. P(a | start) = (1 + 1) / (1 + 3), P(b | a) = (1 + 1) / (2 + 3).
        try c.expectClose(bigramPerplexity(train: "aab", test: "ab", k: 1), (0.5 * 0.4).squareRoot().reciprocal,
                          atol: 1e-12, rtol: 1e-12, "perplexity")
    }
    suite.check("an unseen character counts as the unknown symbol", zh: "沒看過的字元算作未知符號") { c in
        // P(x | start) = (0 + 1) / (1 + 3): "x" never occurred in training.
        try c.expectClose(bigramPerplexity(train: "aab", test: "x", k: 1), 4, atol: 1e-12, rtol: 1e-12, "perplexity of \"x\"")
        // After the unknown symbol (a context never seen) every character gets 1/V.
        try c.expectClose(bigramPerplexity(train: "aab", test: "xa", k: 1), (0.25 / 3).squareRoot().reciprocal,
                          atol: 1e-12, rtol: 1e-12, "perplexity of \"xa\"")
    }
    suite.check("random texts match the course's n-gram model", zh: "隨機文字與課程的 n-gram 模型一致", points: 2) { c in
        for _ in 0..<6 {
            let letters = Array("abcde ")
            let train = String((0..<c.int(in: 5...60)).map { _ in c.pick(letters) })
            let test = String((0..<c.int(in: 1...30)).map { _ in c.pick(letters + ["z"]) })
            let k = c.pick([1.0, 0.5, 0.1, 0.01])
            var model = NGramLanguageModel<Character>(order: 2, smoothing: .addK(k))
            model.train(text: train)
            try c.expectClose(bigramPerplexity(train: train, test: test, k: k), model.perplexity(text: test),
                              atol: 1e-9, rtol: 1e-9, "perplexity of \"\(test)\" after training on \"\(train)\", k = \(k)")
        }
    }
    suite.check("a huge k flattens the model to V choices", zh: "k 非常大時，模型變成在 V 個選項中均勻猜", points: 1) { c in
        let ppl = bigramPerplexity(train: "hello world", test: "low", k: 1e9)
        try c.expectClose(ppl, 9, atol: 1e-6, rtol: 1e-6, "perplexity with k = 1e9 (8 distinct characters + unknown)")
    }
}

extension Double {
    var reciprocal: Double { 1 / self }
}
