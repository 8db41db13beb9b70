import Foundation
import Testing
import Fundamentals
import Tensors

@Suite struct StatisticsTests {
    let f = MathFixture.shared

    @Test func aFairDieHasMeanThreeAndAHalfAndVariance35Over12() {
        let faces: [Double] = [1, 2, 3, 4, 5, 6], p = [Double](repeating: 1.0 / 6, count: 6)
        #expect(close(Statistics.expectation(values: faces, probabilities: p), 3.5))
        #expect(close(Statistics.variance(values: faces, probabilities: p), 35.0 / 12))
    }

    @Test func sampleMomentsMatchNumPy() {
        let s = f.statistics
        #expect(close(Statistics.mean(s.x), s.mean_x))
        #expect(close(Statistics.variance(s.x), s.var_x))
        #expect(close(Statistics.variance(s.x, unbiased: true), s.var_x_unbiased))
        #expect(close(Statistics.covariance(s.x, s.y), s.cov_xy))
        #expect(close(Statistics.covariance(s.x, s.y, unbiased: true), s.cov_xy_unbiased))
        #expect(close(Statistics.correlation(s.x, s.y), s.corr_xy))
    }

    @Test func quantilesInterpolateLikeNumPy() {
        for (q, expected) in zip(f.statistics.quantiles, f.statistics.quantiles_x) {
            #expect(close(Statistics.quantile(f.statistics.x, q), expected), "q = \(q)")
        }
        #expect(Statistics.quantile([3, 1, 2, 10], 0.5) == 2.5)
    }

    @Test func correlationIsOneForALineAndZeroForASymmetricParabola() {
        let x: [Double] = [-2, -1, 0, 1, 2]
        #expect(close(Statistics.correlation(x, x.map { 3 * $0 + 1 }), 1))
        #expect(close(Statistics.correlation(x, x.map { -$0 }), -1))
        #expect(abs(Statistics.correlation(x, x.map { $0 * $0 })) < 1e-12)   // dependent, yet uncorrelated
    }

    @Test func bayesRuleOnADiagnosticTest() {
        let once = BayesRule.posterior(prior: [0.01, 0.99], likelihood: [0.95, 0.05])
        #expect(close(once[0], 0.0095 / (0.0095 + 0.0495)))
        let twice = BayesRule.posterior(prior: once, likelihood: [0.95, 0.05])
        // Two independent positives at once: likelihood 0.95² vs 0.05².
        #expect(close(twice[0], 0.01 * 0.9025 / (0.01 * 0.9025 + 0.99 * 0.0025)))
        #expect(close(twice.reduce(0, +), 1))
        // Sequential updates equal one update on the product of the likelihoods, in any order.
        let steps = BayesRule.update(prior: [0.3, 0.5, 0.2], likelihoods: [[0.9, 0.2, 0.4], [0.1, 0.6, 0.5]])
        let direct = BayesRule.posterior(prior: [0.3, 0.5, 0.2], likelihood: [0.09, 0.12, 0.2])
        for (a, e) in zip(steps[1], direct) { #expect(close(a, e)) }
        // Odds form: (1/99)·19·19 = 361/99, probability 361/460.
        let odds = BayesRule.posteriorOdds(priorOdds: BayesRule.posteriorOdds(priorOdds: 1.0 / 99, likelihoodRatio: 19), likelihoodRatio: 19)
        #expect(close(odds / (1 + odds), twice[0]))
    }
}

@Suite struct MaximumLikelihoodTests {
    let f = MathFixture.shared

    @Test func gaussianFitAndLogLikelihoodMatchNumPy() {
        let (mu, v) = MaximumLikelihood.fitGaussian(f.gaussian.x)
        #expect(close(mu, f.gaussian.mean) && close(v, f.gaussian.variance))
        #expect(close(MaximumLikelihood.gaussianLogLikelihood(f.gaussian.x, mean: mu, variance: v), f.gaussian.log_likelihood))
    }

    @Test func theGaussianFitIsAMaximum() {
        let x = f.gaussian.x
        let (mu, v) = MaximumLikelihood.fitGaussian(x)
        let best = MaximumLikelihood.gaussianLogLikelihood(x, mean: mu, variance: v)
        for (dm, dv) in [(0.01, 0.0), (-0.01, 0), (0, 0.01), (0, -0.01)] {
            #expect(MaximumLikelihood.gaussianLogLikelihood(x, mean: mu + dm, variance: v + dv) < best)
        }
        // ∂/∂μ and ∂/∂σ² vanish there.
        let g = Calculus.centralDifferenceGradient(of: { MaximumLikelihood.gaussianLogLikelihood(x, mean: $0[0], variance: $0[1]) }, at: [mu, v])
        #expect(g.allSatisfy { abs($0) < 1e-5 })
    }

    @Test func categoricalFitIsTheFrequenciesAndItsLossTheEntropy() {
        let c = f.categorical
        let pi = MaximumLikelihood.fitCategorical(c.labels, classes: 5)
        for (a, e) in zip(pi, c.frequencies) { #expect(close(a, e)) }
        let nll = MaximumLikelihood.negativeLogLikelihood(c.labels, probabilities: pi)
        #expect(close(nll, c.nll_at_frequencies))
        #expect(close(nll, MaximumLikelihood.entropy(pi)))
    }

    @Test func crossEntropyOfLogitsIsTheNegativeLogLikelihoodOfTheirSoftmax() {
        let c = f.categorical
        let ce = Categorical.crossEntropy(logits: c.logits, labels: c.labels).loss
        let nll = MaximumLikelihood.negativeLogLikelihood(c.labels, probabilities: Categorical.softmax(c.logits))
        #expect(close(ce, c.cross_entropy) && close(nll, c.cross_entropy))
    }
}

@Suite struct BootstrapTests {
    @Test func resamplesDrawIndicesInOrderFromTheGenerator() {
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        let x: [Double] = [10, 20, 30, 40]
        let sample = Bootstrap.resample(x, rng: &a)
        #expect(sample == (0..<4).map { _ in x[b.nextInt(below: 4)] })
    }

    @Test func aConstantSampleHasAZeroWidthInterval() {
        var rng = SplitMix64(seed: 1)
        let (low, high) = Bootstrap.percentileInterval([2, 2, 2, 2, 2], level: 0.95, resamples: 200, rng: &rng)
        #expect(low == 2 && high == 2)
    }

    @Test func theMeansIntervalApproachesTheNormalTheoryInterval() {
        var rng = SplitMix64(seed: 11)
        let x = (0..<400).map { _ in 5 + 2 * rng.normalDouble() }
        // Replicates' spread ≈ the plug-in standard error √(var/n).
        let theta = Bootstrap.replicates(x, resamples: 4_000, rng: &rng)
        let se = (Statistics.variance(x) / 400).squareRoot()
        #expect(abs(Statistics.standardDeviation(theta) / se - 1) < 0.05)
        let (low, high) = Bootstrap.percentileInterval(x, level: 0.95, resamples: 4_000, rng: &rng)
        let normal = Bootstrap.normalInterval(x)
        #expect(abs((high - low) / (normal.high - normal.low) - 1) < 0.08)
        #expect(abs((high + low) / 2 - Statistics.mean(x)) < 0.1 * se * 4)
    }

    @Test func ninetyFivePercentIntervalsCoverTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        var rng = SplitMix64(seed: 3)
        var covered = 0
        for _ in 0..<200 {
            let x = (0..<60).map { _ in rng.normalDouble() }
            let (low, high) = Bootstrap.percentileInterval(x, level: 0.95, resamples: 300, rng: &rng)
            if low <= 0 && 0 <= high { covered += 1 }
        }
        #expect((176...200).contains(covered), "covered \(covered) of 200")   // 95% ± 3 standard errors
    }
}
