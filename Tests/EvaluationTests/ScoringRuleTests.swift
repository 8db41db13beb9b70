import Foundation
import Testing
@testable import Evaluation

@Suite("Multiple choice, contamination and the metrics' edge cases")
struct ScoringRuleTests {
    @Test("acc picks the highest log-likelihood; acc_norm divides by length in characters")
    func accAndAccNorm() {
        // "Paris" (5 characters) at −6 beats "the capital city of France" (26) at −9 under acc,
        // but per character −9/26 = −0.35 beats −6/5 = −1.2 under acc_norm.
        let picked = MultipleChoice.pick(logLikelihoods: [-6, -9], choices: ["Paris", "the capital city of France"])
        #expect(picked.acc == 0 && picked.accNorm == 1)
        #expect(MultipleChoice.pick(logLikelihoods: [-2, -2], choices: ["a", "b"]) == (0, 0))   // ties: first
    }

    @Test("evaluate counts both rules over a benchmark")
    func benchmark() {
        let questions = [MultipleChoice.Question(question: "2+2=", choices: ["4", "five"], answer: 0),
                         MultipleChoice.Question(question: "3+3=", choices: ["66", "6"], answer: 1)]
        // A scorer that charges 1 nat per character, plus 3 for a wrong answer.
        let result = MultipleChoice.evaluate(questions) { q, c in
            -Double(c.count) - ((q == "2+2=" && c == "4") || (q == "3+3=" && c == "6") ? 0 : 3)
        }
        #expect(result.acc == 1 && result.accNorm == 1)
    }

    @Test("contamination: a copied item overlaps fully, a fresh one not at all, case and punctuation ignored")
    func contamination() {
        let check = Contamination(training: ["The quick brown fox jumps over the lazy dog, twice a day."], order: 4)
        #expect(check.overlap("the QUICK brown fox jumps over!") == 1)
        #expect(check.overlap("a slow green turtle walks under the busy bridge") == 0)
        #expect(abs(check.overlap("quick brown fox jumps onto a mat") - 1.0 / 4.0) < 1e-12)   // 1 of 4 4-grams
        #expect(check.overlap("too short") == 0)
    }

    @Test("BLEU: an empty output scores 0, a perfect one 100, a short one pays the brevity penalty")
    func bleuEdges() {
        #expect(BLEU.sentence("", references: ["a b c d"]).score == 0)
        #expect(abs(BLEU.sentence("one two three four five", references: ["one two three four five"]).score - 100) < 1e-9)
        let short = BLEU.sentence("one two three four", references: ["one two three four five six seven eight"])
        #expect(abs(short.brevityPenalty - exp(1 - 8.0 / 4.0)) < 1e-12)
        #expect(abs(short.score - 100 * exp(-1)) < 1e-9)
    }

    @Test("ROUGE-L: LCS by hand, and non-ASCII text has no words")
    func rougeEdges() {
        #expect(RougeL.lcsLength(["a", "b", "c", "d"], ["b", "d", "a"]) == 2)
        #expect(RougeL.score(output: "量化", reference: "量化").f == 0)
    }
}
