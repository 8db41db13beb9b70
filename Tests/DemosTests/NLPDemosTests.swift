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

    @Test func ngramKneserNeyBeatsAddOneOnHeldOutLessons() throws {
        let out = try runDemo("nlp-ngram")
        let row = out.split(separator: "\n").first { $0.hasPrefix("3 ") }!.split(separator: " ").compactMap { Double($0) }
        // n, add-1, add-0.01, Kneser-Ney held out, Kneser-Ney train
        #expect(row.count == 5 && row[3] < row[2] && row[3] < row[1] && row[4] < row[3])
    }

    @Test func stemmingMergesForms() throws {
        let out = try runDemo("nlp-stemming")
        #expect(out.contains("studies   studi"))
    }

    @Test func gloveAndSkipGramPrintNeighbors() throws {
        let out = try runDemo("nlp-glove")
        #expect(out.contains("GloVe ") && out.contains("SGNS "))
    }

    @Test func gatedDemoComparesThreeCells() throws {
        let out = try runDemo("nlp-gated")
        for cell in ["Elman", "GRU", "LSTM"] { #expect(out.split(separator: "\n").contains { $0.hasPrefix(cell + " ") }) }
    }
}
