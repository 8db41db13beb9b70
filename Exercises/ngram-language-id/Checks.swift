import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    func close(_ x: [String: Double], _ y: [String: Double]) -> Bool {
        Set(x.keys) == Set(y.keys) && x.allSatisfy { abs($0.value - y[$0.key]!) <= 1e-9 * max(1, abs($0.value)) }
    }
    func library(_ labels: [String], _ texts: [String], _ text: String) -> [String: Double] {
        LanguageIdentifier(training: Array(zip(labels, texts)).map { (label: $0.0, text: $0.1) }).identify(text).logScores
    }

    suite.check("character n-grams counted by hand", zh: "手算的字元 n-gram 次數") { c in
        try c.expectEqual(characterNgrams("abab", maxOrder: 3), ["a": 2, "b": 2, "ab": 2, "ba": 1, "aba": 1, "bab": 1], "\"abab\", 1–3")
        try c.expectEqual(characterNgrams("a b", maxOrder: 2), ["a": 1, " ": 1, "b": 1, "a ": 1, " b": 1], "a space is a character")
        try c.expectEqual(characterNgrams("貓貓", maxOrder: 3), ["貓": 2, "貓貓": 1], "Chinese characters; no 3-gram in two characters")
        try c.expectEqual(characterNgrams("", maxOrder: 3), [:], "the empty text")
    }
    suite.check("scores worked by hand with add-one smoothing", zh: "手算加一平滑後的分數", points: 2) { c in
        // Unigrams of "a", "b", "b": ngrams up to 3 of one letter are just the letter. V = 2.
        // x: log(1/3) + 2·log(2/3) + log(1/3);   y: log(2/3) + 2·log(1/4) + log(3/4)   (1-grams of "aab"),
        // plus the 2- and 3-grams "aa", "ab", "aab", which no training text has: skipped.
        let scores = languageScores(labels: ["x", "y", "y"], texts: ["a", "b", "b"], text: "aab")
        let expected = ["x": log(1.0 / 3) + 2 * log(2.0 / 3) + log(1.0 / 3), "y": log(2.0 / 3) + 2 * log(1.0 / 4) + log(3.0 / 4)]
        try c.expect(close(scores, expected), "languageScores for \"aab\": \(scores), expected \(expected)")
        let prior = languageScores(labels: ["x", "y", "y"], texts: ["a", "b", "b"], text: "zzz")
        try c.expect(close(prior, ["x": log(1.0 / 3), "y": log(2.0 / 3)]), "no known n-gram leaves the log priors: \(prior)")
    }
    suite.check("English and Chinese lines: the higher score is the right language", zh: "英文與中文句子：分數較高的就是正確語言") { c in
        let labels = ["en", "en", "en", "zh", "zh", "zh"]
        let texts = ["the model reads the text", "a token is a piece of a word", "we train it on the data",
                     "模型讀取這段文字", "詞元是詞的一部分", "我們用資料訓練它"]
        for (text, language) in [("the data is read", "en"), ("這段資料", "zh"), ("a word of text", "en"), ("訓練模型", "zh")] {
            let scores = languageScores(labels: labels, texts: texts, text: text)
            try c.expect(scores.max { $0.value < $1.value }?.key == language, "\"\(text)\" should score highest as \(language): \(scores)")
            try c.expect(close(scores, library(labels, texts, text)), "\"\(text)\": \(scores)")
        }
    }
    suite.check("matches the library on random texts over a small alphabet", zh: "在小字母表的隨機文字上與函式庫一致", points: 2) { c in
        let alphabet = Array("abc d.")
        func text() -> String { String((0..<c.int(in: 0...12)).map { _ in c.pick(alphabet) }) }
        for _ in 0..<25 {
            let count = c.int(in: 1...8)
            let labels = (0..<count).map { _ in c.pick(["p", "q", "r"]) }
            let texts = (0..<count).map { _ in text() }
            let query = text()
            let expected = library(labels, texts, query)
            let scores = languageScores(labels: labels, texts: texts, text: query)
            try c.expect(close(scores, expected), "labels \(labels), texts \(texts), text \"\(query)\": \(scores), expected \(expected)")
        }
    }
}
