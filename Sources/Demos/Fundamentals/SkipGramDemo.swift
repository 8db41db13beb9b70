import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-word2vec`: embeddings from co-occurrence on a corpus with built-in
/// structure (gender × royalty × age), then neighbors and an analogy.
enum SkipGramDemo {
    static let demo = Demo(id: "nlp-word2vec", summary: "Skip-gram with negative sampling learns embeddings; neighbors and king − man + woman",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        var rng = SplitMix64(seed: ctx.seed)
        let sentences = corpus(count: ctx.quick ? 1_000 : 1_500, rng: &rng)
        let vocabulary = Array(Set(sentences.joined())).sorted()
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        ctx.heading(ctx.tr("Corpus: {0} generated sentences, {1} words", String(sentences.count), String(vocabulary.count)))
        sentences.prefix(4).forEach { ctx.print("  " + $0.joined(separator: " ")) }

        // Negative samples drawn from unigram counts raised to 3/4, as in the original paper.
        var counts = [Double](repeating: 0, count: vocabulary.count)
        sentences.joined().forEach { counts[id[$0]!] += 1 }
        let weights = counts.map { pow($0, 0.75) }
        let total = weights.reduce(0, +)
        let noise = weights.map { $0 / total }

        var model = SkipGram(vocabularySize: vocabulary.count, dimension: 16, rng: &rng)
        let epochs = ctx.quick ? 4 : 5
        var losses: [Double] = []
        ctx.heading(ctx.tr("Training: window 2, 4 negatives per pair, dimension 16, {0} epochs", String(epochs)))
        for epoch in 0..<epochs {
            let rate = 0.05 * (1 - Double(epoch) / Double(epochs)) + 0.005
            var sum = 0.0, pairs = 0.0
            for s in sentences {
                let ids = s.map { id[$0]! }
                for (i, c) in ids.enumerated() {
                    for j in max(0, i - 2)...min(ids.count - 1, i + 2) where j != i {
                        let negatives = (0..<4).map { _ in Categorical.sample(noise, &rng) }
                        sum += model.step(centre: c, context: ids[j], negatives: negatives, rate: rate)
                        pairs += 1
                    }
                }
            }
            losses.append(sum / pairs)
            ctx.say("epoch {0}: mean loss per pair {1}", String(epoch + 1), fixed(sum / pairs))
        }
        var plot = LinePlot(title: ctx.tr("skip-gram loss"), xLabel: ctx.tr("epoch"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("loss"), xs: losses.indices.map { Double($0 + 1) }, ys: losses)
        try ctx.show("loss", plot, height: 6)

        ctx.heading(ctx.tr("Nearest neighbors by cosine similarity"))
        for w in ["king", "woman", "boy", "palace", "plays"] {
            let near = model.nearest(to: model.embedding(id[w]!), excluding: [id[w]!])
            ctx.print("\(w.padding(toLength: 8, withPad: " ", startingAt: 0)) → " + near.map { "\(vocabulary[$0.word]) \(fixed($0.cosine, 2))" }.joined(separator: ", "))
        }
        ctx.heading(ctx.tr("Analogy: king − man + woman"))
        let v = zip(zip(model.embedding(id["king"]!), model.embedding(id["man"]!)), model.embedding(id["woman"]!)).map { $0.0 - $0.1 + $1 }
        let answer = model.nearest(to: v, excluding: [id["king"]!, id["man"]!, id["woman"]!], count: 3)
        ctx.print(ctx.tr("closest words: ") + answer.map { "\(vocabulary[$0.word]) \(fixed($0.cosine, 2))" }.joined(separator: ", "))
        ctx.say("The corpus never says 'queen is a female king'; the vectors learn it because queen shares")
        ctx.say("king's royal contexts and woman's female contexts.")
    }

    /// People differ along three axes, each signalled only by the words around them.
    static let people: [(word: String, female: Bool, royal: Bool, young: Bool)] = [
        ("man", false, false, false), ("woman", true, false, false), ("boy", false, false, true), ("girl", true, false, true),
        ("king", false, true, false), ("queen", true, true, false), ("prince", false, true, true), ("princess", true, true, true),
    ]

    static func corpus(count: Int, rng: inout SplitMix64) -> [[String]] {
        func pick(_ words: [String]) -> String { words[rng.nextInt(below: words.count)] }
        return (0..<count).map { _ in
            let p = people[rng.nextInt(below: people.count)]
            let pronoun = p.female ? "she" : "he"
            // Every signal sits within two words of the person, inside the skip-gram window.
            let title = p.royal ? pick(["royal", "crowned", "noble"]) : pick(["humble", "common", "plain"])
            let place = p.royal ? pick(["palace", "castle", "throne"]) : pick(["village", "farm", "market"])
            let activity = p.young ? pick(["plays", "learns", "grows"]) : pick(["works", "decides", "leads"])
            switch rng.nextInt(below: 3) {
            case 0: return ["the", title, p.word, "and", pronoun, activity]
            case 1: return ["in", "the", place, "the", p.word, activity]
            default: return ["a", p.word, activity, "and", pronoun, "smiles"]
            }
        }
    }
}
