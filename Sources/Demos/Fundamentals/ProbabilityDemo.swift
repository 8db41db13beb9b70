import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run math-probability`: softmax and temperature, cross-entropy as maximum
/// likelihood, and sampling frequencies converging to probabilities.
enum ProbabilityDemo {
    static let demo = Demo(id: "math-probability", summary: "Softmax, cross-entropy as maximum likelihood, sampling frequencies converging",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        softmaxTemperatures(ctx)
        maximumLikelihood(ctx)
        try sampling(ctx)
    }

    static let logits: [Float] = [1.5, -1.8, 0.9, -3.2]

    static func softmaxTemperatures(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Softmax turns scores into probabilities"))
        ctx.say("logits z = {0}; softmax(z/T)_i = exp(z_i/T) / Σ_j exp(z_j/T)", logits.map { String($0) }.joined(separator: ", "))
        var rows: [[String]] = []
        for t: Float in [1, 0.5, 0.1, 2] {
            let p = (Tensor(logits) / t).softmax()
            rows.append(["T = \(t)"] + p.scalars.map { fixed(Double($0), 4) } + [fixed(Double(p.scalars.reduce(0, +)), 4)])
        }
        ctx.table(["", "p0", "p1", "p2", "p3", ctx.tr("sum")], rows)
        ctx.say("Low temperature sharpens towards the largest logit; high temperature flattens.")
    }

    static func maximumLikelihood(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Cross-entropy is negative log-likelihood"))
        var rng = SplitMix64(seed: ctx.seed)
        let truth: [Double] = [0.5, 0.3, 0.15, 0.05]
        let labels = (0..<400).map { _ in Categorical.sample(truth, &rng) }
        var counts = [Int](repeating: 0, count: 4)
        labels.forEach { counts[$0] += 1 }
        let freq = counts.map { Double($0) / Double(labels.count) }
        ctx.say("400 labels drawn from p* = {0}; observed frequencies {1}", truth.map { fixed($0, 2) }.joined(separator: ", "), freq.map { fixed($0, 4) }.joined(separator: ", "))
        var z = [Double](repeating: 0, count: 4)
        for step in 0...200 {
            let (loss, g) = Categorical.crossEntropy(logits: z, labels: labels)
            if [0, 3, 10, 30, 200].contains(step) { ctx.say("step {0}  cross-entropy {1}  softmax(z) = {2}", String(format: "%3d", step), fixed(loss, 5), Categorical.softmax(z).map { fixed($0, 4) }.joined(separator: ", ")) }
            z = zip(z, g).map { $0 - 2.0 * $1 }
        }
        let entropy = -freq.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +)
        ctx.say("Gradient descent on the logits lands on the observed frequencies; the minimum loss equals")
        ctx.say("the entropy of those frequencies, {0} nats: nothing can predict these labels better.", fixed(entropy, 5))
    }

    static func sampling(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("Sampling: frequencies approach probabilities like 1/√n"))
        var rng = SplitMix64(seed: ctx.seed &+ 1)
        let p = Categorical.softmax(logits.map(Double.init))
        var rows: [[String]] = []
        var last: [Double] = []
        let sizes = ctx.quick ? [10, 100, 1_000, 10_000] : [10, 100, 1_000, 10_000, 100_000]
        for n in sizes {
            var counts = [Double](repeating: 0, count: p.count)
            for _ in 0..<n { counts[Categorical.sample(p, &rng)] += 1 }
            last = counts.map { $0 / Double(n) }
            let err = zip(last, p).map { abs($0 - $1) }.max() ?? 0
            rows.append([String(n), last.map { fixed($0, 4) }.joined(separator: " "), fixed(err, 4), fixed(1 / Double(n).squareRoot(), 4)])
        }
        ctx.table([ctx.tr("draws"), ctx.tr("frequencies"), ctx.tr("max |freq − p|"), "1/√n"], rows)
        try ctx.show("frequencies", BarChart(title: ctx.tr("probability vs frequency after {0} draws", String(sizes.last!)),
                                             bars: p.indices.flatMap { [("p\($0)", p[$0]), (ctx.tr("freq{0}", String($0)), last[$0])] }))
    }
}
