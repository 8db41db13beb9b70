import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-glove`: GloVe's weighted least squares on the course's co-occurrence
/// counts, beside skip-gram trained on the same words; nearest neighbors from both.
enum GloVeDemo {
    static let queries = ["model", "token", "gradient", "matrix", "chinese", "training", "query", "loss"]

    static let demo = Demo(id: "nlp-glove", summary: "GloVe factorizes the course's co-occurrence counts; its neighbors beside skip-gram's",
                           inputs: CourseText.inputs) { ctx in
        let corpus = try CourseText.corpus()
        let (ids, vocabulary, index, counts) = CourseText.wordIDs(corpus, minimumCount: 5, lessons: ctx.quick ? 5 : nil)
        let window = 5, dimension = ctx.quick ? 16 : 32
        let pairs = GloVe.cooccurrences(ids, window: window)
        let V = Double(vocabulary.count)
        ctx.heading(ctx.tr("Corpus: {0} words of the course's lessons; {1} words seen at least 5 times, stop words left out", String(ids.count), String(vocabulary.count)))
        ctx.say("co-occurrence window {0} (each pair weighted 1/distance): {1} nonzero counts, {2}% of the {3} × {3} matrix",
                String(window), String(pairs.count), fixed(100 * Double(pairs.count) / (V * V), 2), String(vocabulary.count))

        var rng = SplitMix64(seed: ctx.seed)
        var glove = GloVe(vocabularySize: vocabulary.count, dimension: dimension, rng: &rng)
        let epochs = ctx.quick ? 5 : 25
        var losses: [Double] = []
        for _ in 0..<epochs { losses.append(glove.epoch(pairs, rate: 0.05, rng: &rng)) }
        ctx.heading(ctx.tr("GloVe: dimension {0}, AdaGrad rate 0.05, x_max 10, {1} epochs", String(dimension), String(epochs)))
        ctx.say("mean weighted squared error per pair: epoch 1 {0}, epoch {1} {2}", fixed(losses[0]), String(epochs), fixed(losses.last!))
        var plot = LinePlot(title: ctx.tr("GloVe loss per pair"), xLabel: ctx.tr("epoch"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("loss"), xs: losses.indices.map { Double($0 + 1) }, ys: losses)
        try ctx.show("loss", plot, height: 6)

        // Skip-gram on the same word sequence (out-of-vocabulary words dropped), window 2.
        let kept = ids.filter { $0 >= 0 }
        let weights = counts.map { pow(Double($0), 0.75) }, total = weights.reduce(0, +)
        let noise = weights.map { $0 / total }
        var skip = SkipGram(vocabularySize: vocabulary.count, dimension: dimension, rng: &rng)
        let skipEpochs = ctx.quick ? 2 : 5
        for epoch in 0..<skipEpochs {
            let rate = 0.05 * (1 - Double(epoch) / Double(skipEpochs)) + 0.005
            for (i, c) in kept.enumerated() {
                for j in max(0, i - 2)...min(kept.count - 1, i + 2) where j != i {
                    _ = skip.step(centre: c, context: kept[j], negatives: (0..<4).map { _ in Categorical.sample(noise, &rng) }, rate: rate)
                }
            }
        }
        ctx.heading(ctx.tr("Nearest neighbors: GloVe (top line) and skip-gram ({0} epochs, window 2)", String(skipEpochs)))
        for word in queries {
            guard let w = index[word] else { continue }
            let g = glove.nearest(to: glove.embedding(w), excluding: [w], count: 4)
            let s = skip.nearest(to: skip.embedding(w), excluding: [w], count: 4)
            ctx.print(word.padding(toLength: 9, withPad: " ", startingAt: 0) + "GloVe " + g.map { "\(vocabulary[$0.word]) \(fixed($0.cosine, 2))" }.joined(separator: ", "))
            ctx.print(String(repeating: " ", count: 9) + "SGNS  " + s.map { "\(vocabulary[$0.word]) \(fixed($0.cosine, 2))" }.joined(separator: ", "))
        }
        ctx.say("Both learn from the same co-occurrences: skip-gram streams them pair by pair, GloVe counts them once and fits their logarithms. On a corpus this small both are noisy; the neighbors they share are the ones the text really supports.")
    }
}
