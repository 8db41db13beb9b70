import Decoding
import Figures
import Foundation
import Tensors
import Transformers

/// `llmcourse run decoding-samplers`: one next-token distribution before and after temperature,
/// top-k, top-p and min-p, as bar charts; then sampled frequencies against the probabilities.
enum SamplerDemo {
    static let demo = Demo(id: "decoding-samplers", summary: "Temperature, top-k, top-p and min-p reshape a next-token distribution",
                           inputs: DecodingDemos.inputs) { ctx in
        let (model, tokenizer) = try DecodingDemos.tinyModel()
        let prompt = tokenizer.encode(DecodingDemos.prompt)
        let logits = model.nextTokenLogits(prompt, cache: model.makeCache()).last!
        // The 12 most likely tokens are the ones worth drawing; the other 372 share what is left.
        let shown = Probabilities.topK(Probabilities.softmax(logits), 12).map(\.index)
        ctx.print("next-token distribution after \"\(DecodingDemos.prompt)\": the 12 most likely of 384 tokens")

        let cases: [(name: String, pipeline: LogitsPipeline)] = [
            ("original", LogitsPipeline()),
            ("temperature-0.5", LogitsPipeline([Temperature(0.5)])),
            ("temperature-2", LogitsPipeline([Temperature(2)])),
            ("top-k-5", LogitsPipeline([TopK(5)])),
            ("top-p-0.5", LogitsPipeline([TopP(0.5)])),
            ("min-p-0.5", LogitsPipeline([MinP(0.5)])),
        ]
        var rows: [[String]] = []
        for c in cases {
            let p = Probabilities.softmax(c.pipeline(logits))
            let kept = p.filter { $0 > 0 }.count
            let chart = BarChart(title: "\(c.pipeline.label): \(kept) of 384 tokens possible",
                                 bars: shown.map { (DecodingDemos.show(tokenizer, $0), p[$0]) })
            ctx.heading(c.pipeline.label)
            try ctx.show(c.name, chart)
            let mass = shown.map { p[$0] }.reduce(0, +)
            rows.append([c.pipeline.label, "\(kept)", fixed(p.max() ?? 0, 3), fixed(mass, 3), fixed(entropy(p), 2)])
        }
        ctx.heading("Summary")
        ctx.table(["transform", "possible", "top p", "mass in top 12", "entropy (nats)"], rows)

        ctx.heading("Sampling follows the transformed distribution")
        let pipeline = LogitsPipeline([Temperature(0.8), TopK(10), TopP(0.9)])
        let p = Probabilities.softmax(pipeline(logits))
        var rng = SplitMix64(seed: ctx.seed)
        let draws = ctx.quick ? 2_000 : 20_000
        var counts = [Int](repeating: 0, count: p.count)
        for _ in 0..<draws { counts[Probabilities.sample(p, using: &rng)] += 1 }
        let support = p.indices.filter { p[$0] > 0 }.sorted { p[$0] > p[$1] }
        ctx.table(["token", "probability", "frequency"], support.map {
            [DecodingDemos.show(tokenizer, $0), fixed(p[$0], 4), fixed(Double(counts[$0]) / Double(draws), 4)]
        })
        let chi = support.reduce(0.0) { total, t in
            let e = Double(draws) * p[t]
            return total + (Double(counts[t]) - e) * (Double(counts[t]) - e) / e
        }
        ctx.print("\(pipeline.label), \(draws) draws: χ² = \(fixed(chi, 2)) with \(support.count - 1) degrees of freedom;")
        ctx.print("tokens outside the nucleus were drawn \(counts.indices.filter { p[$0] == 0 }.map { counts[$0] }.reduce(0, +)) times.")
    }

    static func entropy(_ p: [Double]) -> Double { -p.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +) }
}
