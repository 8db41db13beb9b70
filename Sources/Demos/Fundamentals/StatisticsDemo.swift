import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run math-statistics`: random variables and their moments, covariance and
/// correlation, maximum likelihood, Bayes' rule, and bootstrap confidence intervals.
enum StatisticsDemo {
    static let demo = Demo(id: "math-statistics", summary: "Expectation, correlation, maximum likelihood, Bayes' rule and bootstrap intervals",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        moments(ctx)
        correlation(ctx)
        maximumLikelihood(ctx)
        bayes(ctx)
        try bootstrap(ctx)
    }

    static func moments(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("A random variable: one roll of a fair die"))
        let faces: [Double] = [1, 2, 3, 4, 5, 6], p = [Double](repeating: 1.0 / 6, count: 6)
        ctx.say("E[X] = Σ p·x = {0}   Var[X] = E[(X − E[X])²] = {1}",
                fixed(Statistics.expectation(values: faces, probabilities: p)),
                fixed(Statistics.variance(values: faces, probabilities: p)))
        var rng = SplitMix64(seed: ctx.seed)
        var rows: [[String]] = []
        for n in ctx.quick ? [10, 100, 10_000] : [10, 100, 10_000, 1_000_000] {
            let rolls = (0..<n).map { _ in Double(1 + rng.nextInt(below: 6)) }
            rows.append([String(n), fixed(Statistics.mean(rolls)), fixed(Statistics.variance(rolls))])
        }
        ctx.table([ctx.tr("rolls"), ctx.tr("sample mean"), ctx.tr("sample variance")], rows)
        ctx.say("Averages over a sample estimate the expectations; the estimates settle as n grows.")
    }

    static func correlation(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Covariance and correlation"))
        var rng = SplitMix64(seed: ctx.seed &+ 1)
        let x = (0..<500).map { _ in rng.normalDouble() }
        var rows: [[String]] = []
        for (name, y) in [("y = 0.6x + noise", x.map { 0.6 * $0 + 0.8 * rng.normalDouble() }),
                          ("y = −2x", x.map { -2 * $0 }),
                          ("y = x²", x.map { $0 * $0 }),
                          ("y = noise", x.map { _ in rng.normalDouble() })] {
            rows.append([ctx.tr(name), fixed(Statistics.covariance(x, y), 3), fixed(Statistics.correlation(x, y), 3)])
        }
        ctx.table(["x ~ N(0, 1), n = 500", "cov(x, y)", "corr(x, y)"], rows)
        ctx.say("Correlation measures only a linear trend: y = x² depends on x entirely, yet corr ≈ 0.")
    }

    static func maximumLikelihood(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Maximum likelihood: a Gaussian"))
        var rng = SplitMix64(seed: ctx.seed &+ 2)
        let x = (0..<200).map { _ in 2 + 1.5 * rng.normalDouble() }
        let (mu, v) = MaximumLikelihood.fitGaussian(x)
        ctx.say("200 draws from N(2, 1.5²): μ̂ = mean = {0}, σ̂² = (1/n) Σ (x − μ̂)² = {1}", fixed(mu), fixed(v))
        var rows: [[String]] = []
        for (dm, dv) in [(0.0, 0.0), (0.2, 0.0), (-0.2, 0.0), (0.0, 0.5), (0.0, -0.5)] {
            rows.append([fixed(mu + dm, 3), fixed(v + dv, 3),
                         fixed(MaximumLikelihood.gaussianLogLikelihood(x, mean: mu + dm, variance: v + dv), 3)])
        }
        ctx.table(["μ", "σ²", ctx.tr("log-likelihood")], rows)
        ctx.say("Every move away from (μ̂, σ̂²) lowers the log-likelihood of the data.")

        ctx.heading(ctx.tr("Maximum likelihood: a categorical, and cross-entropy"))
        let labels = (0..<400).map { _ in Categorical.sample([0.5, 0.3, 0.15, 0.05], &rng) }
        let pi = MaximumLikelihood.fitCategorical(labels, classes: 4)
        ctx.say("400 labels; the fit π̂ = the frequencies = {0}", pi.map { fixed($0, 4) }.joined(separator: ", "))
        let nll = MaximumLikelihood.negativeLogLikelihood(labels, probabilities: pi)
        ctx.say("mean negative log-likelihood −(1/n) Σ log π̂_y = {0} = entropy of π̂ {1}",
                fixed(nll, 12), fixed(MaximumLikelihood.entropy(pi), 12))
        let logits = [0.7, -0.2, 0.4, -1.1]
        let ce = Categorical.crossEntropy(logits: logits, labels: labels).loss
        let viaSoftmax = MaximumLikelihood.negativeLogLikelihood(labels, probabilities: Categorical.softmax(logits))
        ctx.say("logits z = {0}: cross-entropy loss {1}", logits.map { String($0) }.joined(separator: ", "), fixed(ce, 12))
        ctx.say("negative log-likelihood of softmax(z) {0} (difference {1})", fixed(viaSoftmax, 12), sci(abs(ce - viaSoftmax)))
    }

    static func bayes(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Bayes' rule: a positive test for a rare condition"))
        let prior = [0.01, 0.99], positive = [0.95, 0.05]   // P(+ | sick), P(+ | healthy)
        ctx.say("1% are sick; the test is positive for 95% of the sick and 5% of the healthy.")
        ctx.say("Out of 10,000 people: {0} sick and positive, {1} healthy and positive.",
                fixed(10_000 * prior[0] * positive[0], 0), fixed(10_000 * prior[1] * positive[1], 0))
        let once = BayesRule.posterior(prior: prior, likelihood: positive)
        ctx.say("P(sick | +) = 0.95·0.01 / (0.95·0.01 + 0.05·0.99) = {0}", fixed(once[0]))
        let twice = BayesRule.update(prior: prior, likelihoods: [positive, positive])[1]
        ctx.say("A second, independent positive test, with {0} as the new prior: P(sick | +, +) = {1}", fixed(once[0]), fixed(twice[0]))
        let odds = BayesRule.posteriorOdds(priorOdds: BayesRule.posteriorOdds(priorOdds: 1.0 / 99, likelihoodRatio: 19), likelihoodRatio: 19)
        ctx.say("In odds: 1 : 99, times the likelihood ratio 0.95/0.05 = 19 per positive test, gives {0} : 1 = {1}.",
                fixed(odds, 4), fixed(odds / (1 + odds)))
    }

    static func bootstrap(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("Bootstrap confidence intervals"))
        var rng = SplitMix64(seed: ctx.seed &+ 3)
        // A skewed sample: waiting times, exponential with mean 2 (median 2·ln 2 ≈ 1.386).
        let x = (0..<50).map { _ in -2 * log(1 - rng.nextUniformDouble()) }
        let resamples = ctx.quick ? 500 : 4_000
        ctx.say("50 waiting times (exponential, true mean 2, true median {0}); {1} resamples",
                fixed(2 * log(2.0), 3), String(resamples))
        let means = Bootstrap.replicates(x, resamples: resamples, rng: &rng)
        let mean95 = (Statistics.quantile(means, 0.025), Statistics.quantile(means, 0.975))
        let median95 = Bootstrap.percentileInterval(x, level: 0.95, resamples: resamples, rng: &rng,
                                                    statistic: { Statistics.quantile($0, 0.5) })
        let normal = Bootstrap.normalInterval(x)
        ctx.table([ctx.tr("statistic"), ctx.tr("estimate"), ctx.tr("95% interval")], [
            [ctx.tr("mean, bootstrap"), fixed(Statistics.mean(x), 3), "[\(fixed(mean95.0, 3)), \(fixed(mean95.1, 3))]"],
            [ctx.tr("mean, ± 1.96·SE"), fixed(Statistics.mean(x), 3), "[\(fixed(normal.low, 3)), \(fixed(normal.high, 3))]"],
            [ctx.tr("median, bootstrap"), fixed(Statistics.quantile(x, 0.5), 3), "[\(fixed(median95.low, 3)), \(fixed(median95.high, 3))]"],
        ])
        ctx.say("Standard deviation of the bootstrap means {0}; the formula √(var/n) gives {1}.",
                fixed(Statistics.standardDeviation(means), 4), fixed((Statistics.variance(x) / 50).squareRoot(), 4))
        let lo = means.min()!, hi = means.max()!, bins = 12
        var counts = [Double](repeating: 0, count: bins)
        for m in means { counts[min(bins - 1, Int(Double(bins) * (m - lo) / (hi - lo)))] += 1 }
        try ctx.show("bootstrap-means", BarChart(title: ctx.tr("bootstrap distribution of the mean"),
                                                 bars: counts.indices.map { (fixed(lo + (Double($0) + 0.5) * (hi - lo) / Double(bins), 2), counts[$0]) }))

        // Coverage: how often does the interval from one sample contain the true mean?
        let trials = ctx.quick ? 40 : 400
        var covered = 0
        for _ in 0..<trials {
            let sample = (0..<50).map { _ in -2 * log(1 - rng.nextUniformDouble()) }
            let (low, high) = Bootstrap.percentileInterval(sample, level: 0.95, resamples: 400, rng: &rng)
            if low <= 2 && 2 <= high { covered += 1 }
        }
        ctx.say("Repeated on {0} fresh samples, the 95% interval contained the true mean {1} times ({2}%).",
                String(trials), String(covered), fixed(100 * Double(covered) / Double(trials), 1))
        ctx.say("With few, skewed values the percentile interval tends to be a little too narrow; more data helps.")
    }
}
