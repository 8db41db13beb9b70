import Foundation
import Testing
@testable import Evaluation

/// Our BLEU, ROUGE-L and pass@k against sacrebleu 2.6.0, rouge-score 0.1.2 and a direct count
/// (Scripts/fixtures/text_metrics.py made Fixtures/text_metrics.json).
@Suite("Text metrics agree with sacrebleu and rouge-score")
struct TextMetricsParityTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            struct Rouge: Decodable { let precision, recall, f: Double }
            let hypothesis: String
            let references: [String]
            let tokens13a: [String]
            let sentence_bleu: Double
            let rouge_l: Rouge
        }
        struct Corpus: Decodable { let score, bp: Double; let sys_len, ref_len: Int; let counts, totals: [Int] }
        struct Pass: Decodable { let n, c, k: Int; let value: Double }
        let cases: [Case]
        let corpus_bleu_two_references: Corpus
        let corpus_bleu_one_reference: Corpus
        let pass_at_k: [Pass]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/text_metrics.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test("13a tokens are sacrebleu's, punctuation, numbers and entities included")
    func tokenizer() {
        for c in Self.fixture.cases { #expect(BLEUTokenizer.tokens(c.hypothesis) == c.tokens13a, "\(c.hypothesis)") }
    }

    @Test("sentence BLEU (effective order, exp smoothing) within 1e-6 of sacrebleu")
    func sentenceBLEU() {
        for c in Self.fixture.cases {
            let ours = BLEU.sentence(c.hypothesis, references: c.references).score
            #expect(abs(ours - c.sentence_bleu) < 1e-6, "\(c.hypothesis): \(ours) vs \(c.sentence_bleu)")
        }
    }

    @Test("corpus BLEU: counts, lengths, brevity penalty and score equal sacrebleu's, one and two references")
    func corpusBLEU() {
        let cases = Self.fixture.cases
        let first = cases.map { [$0.references[0]] }
        let both = cases.map { [$0.references[0], $0.references.count > 1 ? $0.references[1] : $0.references[0]] }
        for (refs, expected) in [(first, Self.fixture.corpus_bleu_one_reference), (both, Self.fixture.corpus_bleu_two_references)] {
            let ours = BLEU.corpus(hypotheses: cases.map(\.hypothesis), references: refs)
            #expect(ours.statistics.matches == expected.counts)
            #expect(ours.statistics.totals == expected.totals)
            #expect(ours.statistics.hypothesisLength == expected.sys_len && ours.statistics.referenceLength == expected.ref_len)
            #expect(abs(ours.brevityPenalty - expected.bp) < 1e-12)
            #expect(abs(ours.score - expected.score) < 1e-6, "\(ours.score) vs \(expected.score)")
        }
    }

    @Test("ROUGE-L precision, recall and F within 1e-6 of rouge-score")
    func rougeL() {
        for c in Self.fixture.cases {
            let ours = RougeL.score(output: c.hypothesis, reference: c.references[0])
            #expect(abs(ours.precision - c.rouge_l.precision) < 1e-6 && abs(ours.recall - c.rouge_l.recall) < 1e-6
                    && abs(ours.f - c.rouge_l.f) < 1e-6, "\(c.hypothesis): \(ours) vs \(c.rouge_l)")
        }
    }

    @Test("pass@k's product form equals the count over all k-subsets")
    func passAtK() {
        for p in Self.fixture.pass_at_k {
            #expect(abs(PassAtK.estimate(n: p.n, correct: p.c, k: p.k) - p.value) < 1e-12, "n \(p.n) c \(p.c) k \(p.k)")
        }
        for n in 1...9 { for c in 0...n { for k in 1...n {
            #expect(abs(PassAtK.estimate(n: n, correct: c, k: k) - PassAtK.bySubsets(n: n, correct: c, k: k)) < 1e-12)
        } } }
    }
}
