import Foundation
import Testing
import Tensors
@testable import Demos

@Suite struct NLPDemosTests {
    @Test func tfidfWeighsUbiquitousWordsAtZero() {
        let model = TFIDF(documents: [["the", "cat"], ["the", "dog", "dog"], ["the", "cat", "bird"]])
        #expect(model.idf[model.index["the"]!] == 0)
        #expect(abs(model.idf[model.index["dog"]!] - log(3)) < 1e-12)
        let w = model.weights(document: 1)
        #expect(abs(w[model.index["dog"]!] - 2.0 / 3.0 * log(3)) < 1e-12)
        #expect(abs(cosineSimilarity([1, 0], [0, 1])) < 1e-12)
    }

    @Test func tfidfDemoSeparatesTopics() throws {
        let out = try runDemo("nlp-tfidf")
        let line = out.split(separator: "\n").first { $0.hasPrefix("mean similarity within a topic") }!
        let numbers = line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(numbers.count == 2 && numbers[0] > 5 * numbers[1])
    }

    @Test func skipGramStepLowersTheLossOnItsPair() {
        var rng = SplitMix64(seed: 1)
        var model = SkipGram(vocabularySize: 5, dimension: 4, rng: &rng)
        let first = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.5)
        var last = first
        for _ in 0..<50 { last = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.5) }
        #expect(last < first / 4)
    }

    @Test func word2vecSolvesTheAnalogy() throws {
        let out = try runDemo("nlp-word2vec")
        #expect(out.contains("closest words: queen"))
    }

    @Test func rnnRemembersShortGapsButNotLongOnes() throws {
        let out = try runDemo("nlp-rnn")
        func accuracy(_ length: Int) -> Double {
            let row = out.split(separator: "\n").first { $0.hasPrefix("\(length) ") }!
            return Double(row.split(separator: " ")[1].dropLast())!
        }
        #expect(accuracy(2) > 95)
        #expect(accuracy(20) < 40)
    }
}
