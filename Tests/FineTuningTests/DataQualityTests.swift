import Foundation
import Testing
import Tensors
@testable import FineTuning

@Suite("Data quality: language ID, perplexity filter, rejection sampling, data mixture")
struct DataQualityTests {
    // MARK: Language identification

    /// Lines of the course's English and Traditional Chinese lessons; scikit-learn's
    /// CountVectorizer(char, 1–3) + MultinomialNB(alpha=1) trained on six lessons, scored on four others.
    @Test func languageScoresMatchScikitLearnOnHeldOutLessonLines() throws {
        let fixture = try Fixtures.json("language-id.json")
        let training = (fixture["train"] as! [[String: String]]).map { (label: $0["label"]!, text: $0["text"]!) }
        let identifier = LanguageIdentifier(training: training)
        #expect(identifier.vocabulary.count == fixture["vocabularySize"] as! Int)
        let cases = fixture["test"] as! [[String: Any]]
        var right = 0
        for testCase in cases {
            let text = testCase["text"] as! String
            let (label, scores) = identifier.identify(text)
            #expect(label == testCase["predicted"] as! String, "\(text)")
            for (name, expected) in testCase["logScores"] as! [String: Double] {
                #expect(abs(scores[name]! - expected) < 1e-9 * max(1, abs(expected)), "\(name): \(text)")
            }
            if label == testCase["label"] as! String { right += 1 }
        }
        #expect(right == cases.count)
    }

    /// Two one-letter texts worked by hand: vocabulary {a, b}, each label saw its letter once.
    @Test func addOneSmoothingByHand() {
        let identifier = LanguageIdentifier(training: [("x", "a"), ("y", "b"), ("y", "b")], orders: 1...1)
        let (label, scores) = identifier.identify("aab")
        // x: log(1/3) + 2·log(2/3) + log(1/3);   y: log(2/3) + 2·log(1/4) + log(3/4)
        #expect(abs(scores["x"]! - (log(1.0 / 3) + 2 * log(2.0 / 3) + log(1.0 / 3))) < 1e-12)
        #expect(abs(scores["y"]! - (log(2.0 / 3) + 2 * log(1.0 / 4) + log(3.0 / 4))) < 1e-12)
        #expect(label == "x")
        #expect(identifier.identify("zzz").label == "y", "no known n-gram: the prior decides")
        #expect(LanguageIdentifier.ngrams("abab") == ["a": 2, "b": 2, "ab": 2, "ba": 1, "aba": 1, "bab": 1])
    }

    // MARK: Perplexity filter

    @Test func quantileMatchesNumPy() throws {
        let fixture = try Fixtures.json("language-id.json")["quantile"] as! [String: Any]
        let values = fixture["values"] as! [Double]
        for (q, expected) in fixture["quantiles"] as! [String: Double] {
            #expect(abs(PerplexityFilter.quantile(values, Double(q)!) - expected) < 1e-12, "q = \(q)")
        }
    }

    @Test func filterRemovesTheMostSurprisingShare() {
        let items = Array(0..<10)
        let nll: [Double] = [0.2, 3.0, 0.1, 0.4, 2.5, 0.3, 0.2, 0.5, 0.1, 0.3]
        let result = PerplexityFilter.filter(items, keepQuantile: 0.8) { nll[$0] }
        // Sorted: 0.1 0.1 0.2 0.2 0.3 0.3 0.4 0.5 2.5 3.0; h = 7.2 → 0.5 + 0.2·(2.5 − 0.5) = 0.9.
        #expect(abs(result.threshold - 0.9) < 1e-12)
        #expect(result.kept == [0, 2, 3, 5, 6, 7, 8, 9])
        #expect(result.removed.map(\.item) == [1, 4], "most surprising first")
        #expect(result.scores == nll)
        #expect(PerplexityFilter.meanNLL(logLikelihood: -6, tokenCount: 3) == 2)
        #expect(PerplexityFilter.filter([Int](), keepQuantile: 0.5) { Double($0) }.kept.isEmpty)
    }

    // MARK: Rejection sampling

    /// A fake generator: for prompt p, candidate j is right when (p + j) is divisible by 3.
    @Test func acceptanceRateAndKeptCandidatesWithAFakeSampler() {
        var calls = 0
        let result = RejectionSampling.run(prompts: [0, 1, 2, 3], candidatesPerPrompt: 4, keepPerPrompt: 1,
                                           sample: { p, j in calls += 1; return (p + j) % 3 == 0 ? "ok\(p)/\(j)" : "bad" },
                                           verify: { _, c in c != "bad" })
        #expect(calls == 16)
        // p=0: j 0,3 → 2;  p=1: j 2 → 1;  p=2: j 1 → 1;  p=3: j 0,3 → 2.
        #expect(result.passedPerPrompt == [2, 1, 1, 2])
        #expect(result.acceptanceRate == 6.0 / 16)
        #expect(result.accepted.map(\.candidate) == ["ok0/0", "ok1/2", "ok2/1", "ok3/0"])
        let never = RejectionSampling.run(prompts: [1, 2], candidatesPerPrompt: 3, sample: { _, _ in 0 }, verify: { _, c in c == 1 })
        #expect(never.acceptanceRate == 0 && never.promptsWithoutAnswer == 2 && never.accepted.isEmpty)
    }

    /// A noisy fake sampler right with probability 0.3: the measured rate lands near it.
    @Test func acceptanceRateEstimatesTheSamplersAccuracy() {
        var rng = SplitMix64(seed: 5)
        let result = RejectionSampling.run(prompts: Array(0..<500), candidatesPerPrompt: 8,
                                           sample: { _, _ in rng.nextUniformDouble() < 0.3 }, verify: { _, c in c })
        // 4000 draws: standard error √(0.3·0.7/4000) ≈ 0.0072.
        #expect(abs(result.acceptanceRate - 0.3) < 4 * 0.0073)
        #expect(result.accepted.count == result.passedPerPrompt.reduce(0, +))
    }

    // MARK: Data mixture

    @Test func temperatureWeightsByHand() {
        let sizes = [900, 90, 10]
        #expect(DataMixture.temperatureWeights(sizes: sizes, alpha: 1) == [0.9, 0.09, 0.01])
        for w in DataMixture.temperatureWeights(sizes: sizes, alpha: 0) { #expect(abs(w - 1.0 / 3) < 1e-12) }
        let half = DataMixture.temperatureWeights(sizes: sizes, alpha: 0.5)
        let roots = sizes.map { Double($0).squareRoot() }
        for (w, r) in zip(half, roots) { #expect(abs(w - r / roots.reduce(0, +)) < 1e-12) }
        #expect(DataMixture.temperatureWeights(sizes: [5, 0], alpha: 0.3) == [1, 0])
    }

    @Test func drawnSharesMatchTheWeightsAndTheSeedFixesTheStream() {
        let sources = [Array(0..<900), Array(1000..<1090), Array(2000..<2010)]
        let weights = DataMixture.temperatureWeights(sizes: sources.map(\.count), alpha: 0.3)
        let n = 20_000
        let (items, chosen) = DataMixture.sampleWithSources(sources, weights: weights, count: n, seed: 7)
        for (share, p) in zip(DataMixture.shares(chosen, sourceCount: 3), weights) {
            #expect(abs(share - p) < 4 * (p * (1 - p) / Double(n)).squareRoot(), "share \(share) against p \(p)")
        }
        for (item, source) in zip(items, chosen) { #expect(sources[source].contains(item)) }
        #expect(DataMixture.sample(sources, weights: weights, count: 50, seed: 7) == Array(items.prefix(50)))
        #expect(DataMixture.sample(sources, weights: weights, count: 50, seed: 8) != Array(items.prefix(50)))
        let skipped = DataMixture.sampleWithSources(sources, weights: [1, 0, 1], count: 2000, seed: 1).sources
        #expect(!skipped.contains(1))
    }
}
