import Decoding
import Figures
import Foundation
import Tensors


/// `llmcourse run decoding-samplers`: one next-token distribution before and after temperature,
/// top-k, top-p and min-p, as bar charts; then sampled frequencies against the probabilities.
enum SamplerDemo {
    static let demo = Demo(id: "decoding-samplers", summary: "Temperature, top-k, top-p and min-p reshape a next-token distribution",
                           inputs: DecodingDemos.inputs) { ctx in
        // An illustrative distribution: the random-weight tiny model spreads its probability
        // almost evenly over 384 tokens, which hides what the transforms do.
        ctx.say("Illustrative next-token scores after \"the cat sat on the\" (ten candidates):")
        DecodingDemos.say(ctx, zip(words, logits).map { "\($0) \(fixed(Double($1), 1))" }.joined(separator: ", "))

        let cases: [(name: String, pipeline: LogitsPipeline)] = [
            ("original", LogitsPipeline()),
            ("temperature-0.5", LogitsPipeline([Temperature(0.5)])),
            ("temperature-2", LogitsPipeline([Temperature(2)])),
            ("top-k-3", LogitsPipeline([TopK(3)])),
            ("top-p-0.8", LogitsPipeline([TopP(0.8)])),
            ("min-p-0.3", LogitsPipeline([MinP(0.3)])),
        ]
        var rows: [[String]] = []
        for c in cases {
            let p = Probabilities.softmax(c.pipeline(logits))
            let kept = p.filter { $0 > 0 }.count
            var chart = BarChart(title: ctx.tr("{0}: {1} of 10 possible", c.pipeline.label == "none" ? ctx.tr("softmax of the scores") : c.pipeline.label, String(kept)),
                                 bars: zip(words, p).map { ($0, $1) })
            chart.valueFormat = { fixed($0, 3) }
            ctx.heading(c.pipeline.label == "none" ? ctx.tr("The distribution") : c.pipeline.label)
            try ctx.show(c.name, chart)
            rows.append([c.pipeline.label, "\(kept)", fixed(p.max() ?? 0, 3), fixed(entropy(p), 2)])
        }
        ctx.heading(ctx.tr("Summary"))
        ctx.table([ctx.tr("transform"), ctx.tr("possible"), ctx.tr("top probability"), ctx.tr("entropy (nats)")], rows)

        ctx.heading(ctx.tr("Sampling follows the transformed distribution"))
        let pipeline = LogitsPipeline([Temperature(0.8), TopK(6), TopP(0.9)])
        let p = Probabilities.softmax(pipeline(logits))
        var rng = SplitMix64(seed: ctx.seed)
        let draws = ctx.quick ? 2_000 : 20_000
        var counts = [Int](repeating: 0, count: p.count)
        for _ in 0..<draws { counts[Probabilities.sample(p, using: &rng)] += 1 }
        let support = p.indices.filter { p[$0] > 0 }.sorted { p[$0] > p[$1] }
        ctx.table([ctx.tr("token"), ctx.tr("probability"), ctx.tr("frequency")], support.map {
            [words[$0], fixed(p[$0], 4), fixed(Double(counts[$0]) / Double(draws), 4)]
        })
        let chi = support.reduce(0.0) { total, t in
            let e = Double(draws) * p[t]
            return total + (Double(counts[t]) - e) * (Double(counts[t]) - e) / e
        }
        DecodingDemos.say(ctx, ctx.tr("{0}, {1} draws: χ² = {2} with {3} degrees of freedom (the 0.1 % critical value for {3} degrees of freedom is {4}); filtered tokens were drawn {5} times.",
                                      pipeline.label, String(draws), fixed(chi, 2), String(support.count - 1), fixed(critical[support.count - 1] ?? .nan, 2),
                                      String(counts.indices.filter { p[$0] == 0 }.map { counts[$0] }.reduce(0, +))))
    }

    static let words = ["mat", "floor", "sofa", "bed", "roof", "table", "keyboard", "moon", "idea", "seven"]
    static let logits: [Float] = [3.2, 2.5, 2.1, 1.6, 0.9, 0.7, 0.2, -0.8, -1.5, -2.2]
    /// Upper 0.1 % points of the chi-square distribution by degrees of freedom.
    static let critical: [Int: Double] = [1: 10.828, 2: 13.816, 3: 16.266, 4: 18.467, 5: 20.515, 6: 22.458, 7: 24.322, 8: 26.124, 9: 27.877]

    static func entropy(_ p: [Double]) -> Double { -p.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +) }
}
