import Foundation
import Testing
import Fundamentals

/// The character n-gram model against hand computations and against an independent
/// implementation of the same formulas (Scripts/fixtures/ngram_oracle.py).
@Suite struct NGramTests {
    struct Oracle: Decodable {
        struct Case: Decodable {
            let order: Int, smoothing: String, parameter: Double
            let vocabulary: [String]
            let distributions: [String: [Double]]
            let perplexity: Double, trainPerplexity: Double
        }
        let train: [String], test: [String], cases: [Case]
    }

    static let oracle: Oracle = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ngram_oracle.json")
        return try! JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
    }()

    @Test func laplaceBigramByHand() {
        // "aab" padded: (⟨s⟩ a) (a a) (a b); V = {a, b, unknown} = 3.
        var model = NGramLanguageModel<Character>(order: 2, smoothing: .laplace)
        model.train(text: "aab")
        #expect(abs(model.probability(of: "a", after: []) - 2.0 / 4.0) < 1e-15)     // (1 + 1) / (1 + 3)
        #expect(abs(model.probability(of: "b", after: ["a"]) - 2.0 / 5.0) < 1e-15)  // (1 + 1) / (2 + 3)
        #expect(abs(model.probability(of: "x", after: ["a"]) - 1.0 / 5.0) < 1e-15)  // unknown: (0 + 1) / 5
        #expect(abs(model.perplexity(text: "ab") - 5.0.squareRoot()) < 1e-12)       // (1/2 · 2/5)^(−1/2)
    }

    @Test func kneserNeyBigramByHand() {
        // Continuation counts: a follows ⟨s⟩ and a (2), b follows a (1): P₁(a) = 1.5/3 + 0.5·2/3·1/3 = 11/18.
        var model = NGramLanguageModel<Character>(order: 2, smoothing: .interpolatedKneserNey(discount: 0.5))
        model.train(text: "aab")
        #expect(abs(model.probability(of: "b", after: ["a"]) - 7.0 / 18.0) < 1e-15)  // 0.5/2 + 0.5·2/2·5/18
        #expect(abs(model.probability(of: "a", after: []) - 29.0 / 36.0) < 1e-15)    // 0.5/1 + 0.5·1/1·11/18
        #expect(abs(model.probability(of: "b", after: ["b"]) - 5.0 / 18.0) < 1e-15)  // unseen context: P₁(b)
        #expect(abs(model.probability(of: "?", after: ["b"]) - 1.0 / 9.0) < 1e-15)   // unknown: 0.5·2/3·1/3
    }

    @Test(arguments: oracle.cases.indices)
    func matchesTheOracle(_ index: Int) {
        let c = Self.oracle.cases[index]
        let smoothing: NGramSmoothing = c.smoothing == "addk" ? .addK(c.parameter) : .interpolatedKneserNey(discount: c.parameter)
        var model = NGramLanguageModel<Character>(order: c.order, smoothing: smoothing)
        Self.oracle.train.forEach { model.train(text: $0) }
        #expect(model.vocabularySize == c.vocabulary.count)
        for (context, expected) in c.distributions {
            for (symbol, p) in zip(c.vocabulary, expected) {
                let token: Character = symbol == "<unk>" ? "\u{1}" : Character(symbol)
                #expect(abs(model.probability(of: token, after: Array(context)) - p) < 1e-14, "P(\(symbol) | \(context))")
            }
        }
        #expect(abs(model.perplexity(documents: Self.oracle.test.map(Array.init)) - c.perplexity) < 1e-11)
        #expect(abs(model.perplexity(documents: Self.oracle.train.map(Array.init)) - c.trainPerplexity) < 1e-11)
    }

    @Test(arguments: [NGramSmoothing.laplace, .addK(0.01), .interpolatedKneserNey(discount: 0.75), .interpolatedKneserNey(discount: 0.1)])
    func everyContextsDistributionSumsToOne(_ smoothing: NGramSmoothing) {
        let text = "the cat sat on the mat; the rat ate the cat's hat. 貓坐在墊子上。"
        for order in 1...5 {
            var model = NGramLanguageModel<Character>(order: order, smoothing: smoothing)
            model.train(text: text)
            model.train(text: "a second document, shorter")
            let chars = Array(text)
            // Every context seen in training (each prefix's last n − 1 characters), some unseen ones,
            // the start of a document, and contexts holding unknown characters.
            var contexts: [[Character]] = (0...chars.count).map { Array(chars[max(0, $0 - order + 1)..<$0]) }
            contexts += [Array("zzzz"), Array("q"), [], Array("e c"), Array("墊子")]
            for context in contexts {
                let p = model.distribution(after: context)
                #expect(p.count == model.vocabularySize)
                #expect(p.allSatisfy { $0 > 0 })
                #expect(abs(p.reduce(0, +) - 1) < 1e-12, "order \(order), context \(String(context))")
            }
        }
    }

    @Test func logProbabilityIsTheSumOfItsSteps() {
        var model = NGramLanguageModel<Character>(order: 3, smoothing: .interpolatedKneserNey(discount: 0.75))
        model.train(text: "abracadabra")
        let text = Array("cadabrax")
        let stepwise = text.indices.map { model.logProbability(of: text[$0], after: Array(text[..<$0])) }.reduce(0, +)
        #expect(abs(model.logProbability(tokens: text) - stepwise) < 1e-12)
        #expect(abs(model.perplexity(tokens: text) - exp(-stepwise / Double(text.count))) < 1e-12)
    }

    @Test func resmoothingKeepsTheCounts() {
        var kn = NGramLanguageModel<Character>(order: 3, smoothing: .interpolatedKneserNey(discount: 0.75))
        kn.train(text: "abracadabra")
        var laplace = NGramLanguageModel<Character>(order: 3, smoothing: .laplace)
        laplace.train(text: "abracadabra")
        #expect(kn.smoothed(.laplace).perplexity(text: "cabra") == laplace.perplexity(text: "cabra"))
        #expect(laplace.smoothed(.interpolatedKneserNey(discount: 0.75)).perplexity(text: "cabra") == kn.perplexity(text: "cabra"))
    }

    @Test func lessonCorpusSplitsByLesson() {
        let docs = ["attention", "rag", "quantization", "tokenization"].map { LessonCorpus.Document(lesson: $0, text: $0) }
        let corpus = LessonCorpus(documents: docs)
        #expect(corpus.train.map(\.lesson) == ["rag", "tokenization"])
        #expect(corpus.heldOut.map(\.lesson) == ["attention", "quantization"])
        #expect(LessonCorpus.droppingMetadata("<!-- lesson\nid: x\n-->\n\n# Title\n") == "# Title\n")
        #expect(LessonCorpus.words("Don't stop — it's 2 o'clock!") == ["don't", "stop", "it's", "2", "o'clock"])
    }
}
