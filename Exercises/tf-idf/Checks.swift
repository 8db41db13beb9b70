import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    let documents = [["the", "cat"], ["the", "dog", "dog"], ["the", "cat", "bird"]]
    let vocabulary = ["bird", "cat", "dog", "the", "fish"]

    suite.check("idf of a worked example", zh: "手算範例的 idf") { c in
        try c.expectClose(inverseDocumentFrequency(documents, vocabulary: vocabulary),
                          [log(3.0), log(1.5), log(3.0), 0, 0], atol: 1e-12, rtol: 1e-9,
                          "idf of [bird, cat, dog, the, fish]")
    }
    suite.check("tf-idf of a worked example", zh: "手算範例的 tf-idf") { c in
        let idf = [log(3.0), log(1.5), log(3.0), 0, 0]
        try c.expectClose(tfidf(documents[1], vocabulary: vocabulary, idf: idf), [0, 0, 2.0 / 3.0 * log(3.0), 0, 0],
                          atol: 1e-12, rtol: 1e-9, "tfidf([the, dog, dog])")
    }
    suite.check("matches a direct count on random corpora", zh: "在隨機語料上與直接計數一致", points: 2) { c in
        let words = ["a", "b", "c", "d", "e", "f"]
        for _ in 0..<10 {
            let docs = (0..<c.int(in: 1...6)).map { _ in (0..<c.int(in: 1...8)).map { _ in c.pick(words) } }
            let idf = inverseDocumentFrequency(docs, vocabulary: words)
            let expectedIDF = words.map { w -> Double in
                let df = docs.reduce(0) { $0 + ($1.contains(w) ? 1 : 0) }
                return df == 0 ? 0 : log(Double(docs.count) / Double(df))
            }
            try c.expectClose(idf, expectedIDF, atol: 1e-12, rtol: 1e-9, "idf for \(docs.count) documents")
            let d = docs[0]
            let expected = words.indices.map { t -> Double in
                Double(d.filter { $0 == words[t] }.count) / Double(d.count) * expectedIDF[t]
            }
            try c.expectClose(tfidf(d, vocabulary: words, idf: expectedIDF), expected, atol: 1e-12, rtol: 1e-9, "tfidf of \(d)")
        }
    }
    suite.check("a word in every document weighs nothing, a rarer one does", zh: "每篇文件都有的字權重為零，較少見的字才有權重") { c in
        let idf = inverseDocumentFrequency(documents, vocabulary: ["the", "dog"])
        try c.expectEqual(idf.count, 2, "number of idf values")
        try c.expectEqual(idf[0], 0, "idf(the)")
        try c.expect(idf[1] > 0, "idf(dog) should be positive: 'dog' is in 1 of 3 documents, got \(idf[1])")
    }
}
