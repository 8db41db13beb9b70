import Foundation
import Testing
@testable import Demos

@Suite struct NLPDemosTests {
    @Test func tfidfDemoSeparatesTopics() throws {
        let out = try runDemo("nlp-tfidf")
        let line = out.split(separator: "\n").first { $0.hasPrefix("mean similarity within a topic") }!
        let numbers = line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(numbers.count == 2 && numbers[0] > 5 * numbers[1])
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
