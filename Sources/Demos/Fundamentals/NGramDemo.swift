import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-ngram`: character n-gram models trained on the course's own lessons,
/// scored by held-out perplexity: add-one, add-k and interpolated Kneser-Ney, order 1 to 6.
enum NGramDemo {
    static let demo = Demo(id: "nlp-ngram", summary: "Character n-gram models of the course's own lessons: add-k vs Kneser-Ney, held-out perplexity by order",
                           inputs: CourseText.inputs) { ctx in
        let corpus = try CourseText.corpus()
        // The quick path trains on the first six training lessons only.
        let train = ctx.quick ? Array(corpus.train.prefix(6)) : corpus.train
        let trainDocs = train.map { Array($0.text) }, heldOut = corpus.heldOut.map { Array($0.text) }
        ctx.heading(ctx.tr("Corpus: the course's English lessons, split by lesson"))
        ctx.say("training: {0} lessons, {1} characters", String(train.count), String(trainDocs.map(\.count).reduce(0, +)))
        ctx.say("held out: {0} ({1} characters)", corpus.heldOut.map(\.lesson).joined(separator: ", "),
                String(heldOut.map(\.count).reduce(0, +)))

        let orders = ctx.quick ? [1, 2, 3] : [1, 2, 3, 4, 5, 6]
        let methods: [(String, NGramSmoothing)] = [("add-1", .laplace), ("add-0.01", .addK(0.01)),
                                                   ("Kneser-Ney", .interpolatedKneserNey(discount: 0.75))]
        var rows: [[String]] = []
        var plot = LinePlot(title: ctx.tr("held-out perplexity per character, by order n"), xLabel: "n", yLabel: ctx.tr("perplexity"))
        var best: NGramLanguageModel<Character>?
        var curves = methods.map { _ in [Double]() }
        for n in orders {
            var row = [String(n)]
            var counted = NGramLanguageModel<Character>(order: n, smoothing: methods[0].1)
            trainDocs.forEach { counted.train(tokens: $0) }
            for (m, (_, smoothing)) in methods.enumerated() {
                let model = counted.smoothed(smoothing)
                let ppl = model.perplexity(documents: heldOut)
                curves[m].append(ppl)
                row.append(fixed(ppl, 2))
                guard m == methods.count - 1 else { continue }
                row.append(fixed(model.perplexity(documents: trainDocs), 2))   // on its own training text
                if n == min(orders.last!, 5) { best = model }
            }
            rows.append(row)
        }
        let V = Set(trainDocs.joined()).count + 1
        ctx.say("vocabulary: {0} characters + 1 unknown", String(V - 1))
        ctx.heading(ctx.tr("Perplexity per character (lower is better; guessing uniformly gives {0})", String(V)))
        ctx.table(["n", ctx.tr("add-1 held out"), ctx.tr("add-0.01 held out"), ctx.tr("Kneser-Ney held out"), ctx.tr("Kneser-Ney train")], rows)
        for (m, (name, _)) in methods.enumerated() { plot.add(name, xs: orders.map(Double.init), ys: curves[m]) }
        try ctx.show("perplexity", plot, height: 10)
        ctx.say("Add-one gets worse as n grows: most long contexts were seen once or never, and adding 1 to every count hands their probability to characters that never follow them. Kneser-Ney discounts the seen counts a little and falls back to shorter contexts, so a longer n keeps helping.")

        if let model = best {
            ctx.heading(ctx.tr("Text sampled from the order-{0} Kneser-Ney model", String(model.order)))
            var rng = SplitMix64(seed: ctx.seed)
            var text = Array("The ")
            for _ in 0..<(ctx.quick ? 80 : 240) {
                let p = model.distribution(after: Array(text.suffix(model.order - 1)))
                let k = Categorical.sample(p, &rng)
                text.append(k < model.vocabulary.count ? model.vocabulary[k] : "?")
            }
            String(text).split(separator: "\n", omittingEmptySubsequences: false).forEach { ctx.print("  " + $0) }
            ctx.say("Local spelling and common phrases, no meaning: the model sees only the last {0} characters.", String(model.order - 1))
        }
    }
}
