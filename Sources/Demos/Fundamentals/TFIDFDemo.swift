import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-tfidf`: documents as word counts, weighted by how rare each word is.
enum TFIDFDemo {
    static let demo = Demo(id: "nlp-tfidf", summary: "Bag-of-words and TF-IDF: documents as weighted word counts, compared by cosine",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        let (docs, topics) = corpus(seed: ctx.seed)
        let model = TFIDF(documents: docs)
        ctx.heading(ctx.tr("A generated corpus: {0} documents on 3 topics, {1} distinct words", String(docs.count), String(model.vocabulary.count)))
        for d in 0..<3 { ctx.say("doc {0} ({1}): {2}", String(d), topics[d], docs[d].joined(separator: " ")) }

        ctx.heading(ctx.tr("Inverse document frequency: common words weigh nothing"))
        let ranked = model.vocabulary.indices.sorted { model.idf[$0] < model.idf[$1] }
        ctx.table([ctx.tr("word"), ctx.tr("documents containing it"), "idf = ln(N/df)"], (ranked.prefix(4) + ranked.suffix(3)).map { t in
            [model.vocabulary[t], String(model.counts.filter { $0[t] > 0 }.count), fixed(model.idf[t], 3)]
        })

        ctx.heading(ctx.tr("Top words per document by raw count vs by TF-IDF"))
        for d in 0..<3 {
            let byCount = top(model.counts[d], model.vocabulary, 3)
            let byWeight = top(model.weights(document: d), model.vocabulary, 3)
            ctx.say("doc {0}: count → {1}   tf-idf → {2}", String(d), byCount.joined(separator: ", "), byWeight.joined(separator: ", "))
        }

        ctx.heading(ctx.tr("Cosine similarity of TF-IDF vectors (documents sorted by topic)"))
        let order = docs.indices.sorted { (topics[$0], $0) < (topics[$1], $1) }
        let vectors = order.map { model.weights(document: $0) }
        let sims = vectors.map { a in vectors.map { cosineSimilarity(a, $0) } }
        try ctx.show("similarity", HeatMap(title: ctx.tr("cosine similarity"), values: sims,
                                           rowLabels: order.map { "\(topics[$0]) \($0)" }, range: 0...1,
                                           scaleLabel: ctx.tr("similarity")))
        var within = 0.0, across = 0.0, nw = 0.0, na = 0.0
        for i in order.indices { for j in order.indices where i != j {
            if topics[order[i]] == topics[order[j]] { within += sims[i][j]; nw += 1 } else { across += sims[i][j]; na += 1 }
        } }
        ctx.say("mean similarity within a topic {0}, across topics {1}", fixed(within / nw, 3), fixed(across / na, 3))

        ctx.heading(ctx.tr("What a bag of words cannot see"))
        let pair = TFIDF(documents: [["dog", "bites", "man"], ["man", "bites", "dog"]])
        ctx.say("\"dog bites man\" and \"man bites dog\": count vectors {0} and {1}, cosine {2}", "\(pair.counts[0].map { Int($0) })", "\(pair.counts[1].map { Int($0) })", fixed(cosineSimilarity(pair.counts[0], pair.counts[1]), 3))
        ctx.say("Word order is gone, and 'dog' is as unlike 'puppy' as it is unlike 'tax': every word is its own axis.")
    }

    static func top(_ scores: [Double], _ vocabulary: [String], _ k: Int) -> [String] {
        scores.indices.sorted { (scores[$0], vocabulary[$1]) > (scores[$1], vocabulary[$0]) }.prefix(k).map { vocabulary[$0] }
    }

    /// Twelve short documents: topic words mixed with function words every document shares.
    static func corpus(seed: UInt64) -> (docs: [[String]], topics: [String]) {
        let topicWords: [String: [String]] = [
            "cooking": ["oven", "flour", "butter", "recipe", "bake", "sugar", "dough"],
            "football": ["goal", "match", "team", "coach", "score", "player", "league"],
            "finance": ["bank", "loan", "interest", "tax", "market", "stock", "price"],
        ]
        let common = ["the", "a", "and", "is", "of", "to", "it"]
        var rng = SplitMix64(seed: seed)
        var docs: [[String]] = [], topics: [String] = []
        for d in 0..<12 {
            let topic = ["cooking", "football", "finance"][d % 3]
            let words = topicWords[topic]!
            var doc: [String] = ["the", "a", "is"]   // every document has these
            for _ in 0..<14 {
                doc.append(rng.nextUniform() < 0.5 ? common[rng.nextInt(below: common.count)] : words[rng.nextInt(below: words.count)])
            }
            docs.append(doc)
            topics.append(topic)
        }
        return (docs, topics)
    }
}
