import Foundation
import Testing
import Fundamentals
import Tensors

@Suite struct CategoricalTests {
    @Test func crossEntropyGradientVanishesAtTheFrequencies() {
        let labels = [0, 0, 1, 2]   // frequencies 0.5, 0.25, 0.25
        let logits = [0.5, 0.25, 0.25].map { log($0) }
        let (loss, g) = Categorical.crossEntropy(logits: logits, labels: labels)
        #expect(g.allSatisfy { abs($0) < 1e-12 })
        #expect(abs(loss - (-(0.5 * log(0.5) + 0.5 * log(0.25)))) < 1e-12)
    }

    @Test func softmaxMatchesKnownValues() {
        let p = Categorical.softmax([1.5, -1.8, 0.9, -3.2])
        for (value, expected) in zip(p, [0.6270, 0.0231, 0.3441, 0.0057]) { #expect(abs(value - expected) < 5e-5) }
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
    }

    @Test func samplingFrequenciesApproachTheProbabilities() {
        var rng = SplitMix64(seed: 3)
        let p = [0.5, 0.3, 0.2]
        var counts = [0.0, 0, 0]
        for _ in 0..<20_000 { counts[Categorical.sample(p, &rng)] += 1 }
        for (count, pi) in zip(counts, p) { #expect(abs(count / 20_000 - pi) < 0.02) }
    }
}
