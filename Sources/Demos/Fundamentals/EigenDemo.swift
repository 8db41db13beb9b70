import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run math-eigen`: eigenvalues by power iteration and deflation, then PCA of the
/// skip-gram word vectors from the NLP chapter, drawn in two dimensions.
enum EigenDemo {
    static let demo = Demo(id: "math-eigen", summary: "Power iteration and deflation; PCA of skip-gram word vectors in 2-D",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        powerIteration(ctx)
        try pcaOfWordVectors(ctx)
    }

    static let matrix: [[Double]] = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 1]]

    static func row(_ v: [Double], _ digits: Int = 4) -> String { "[" + v.map { fixed($0, digits) }.joined(separator: ", ") + "]" }

    static func powerIteration(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Power iteration: v ← A·v / |A·v|"))
        ctx.say("A = {0} (symmetric)", matrix.map { row($0, 1) }.joined(separator: " "))
        let exact = PowerIteration.top(3, of: matrix)
        let ratio = abs(exact[1].value / exact[0].value)
        var rows: [[String]] = []
        for k in [1, 2, 5, 10, 20, 40] {
            let (lambda, v, _) = PowerIteration.dominant(matrix, start: [1, 0, 0], iterations: k, tolerance: 0)
            let angle = acos(min(1, abs(zip(v, exact[0].vector).reduce(0) { $0 + $1.0 * $1.1 })))
            rows.append([String(k), fixed(lambda, 10), sci(abs(lambda - exact[0].value)), sci(angle), sci(pow(ratio, Double(k)))])
        }
        ctx.table([ctx.tr("steps"), "vᵀAv", ctx.tr("error in λ"), ctx.tr("angle to u₁"), "|λ₂/λ₁|^k"], rows)
        ctx.say("The direction error shrinks like |λ₂/λ₁|^k = {0}^k; the Rayleigh quotient's error like its square.", fixed(ratio, 4))

        ctx.heading(ctx.tr("Deflation: A ← A − λ·v·vᵀ, then iterate again"))
        var pairs: [[String]] = []
        for (k, pair) in exact.enumerated() {
            let av = PowerIteration.apply(matrix, pair.vector)
            let residual = zip(av, pair.vector).map { abs($0 - pair.value * $1) }.max()!
            pairs.append(["λ\(k + 1)", fixed(pair.value, 8), row(pair.vector), sci(residual)])
        }
        ctx.table(["", ctx.tr("eigenvalue"), ctx.tr("eigenvector"), "max |A·v − λ·v|"], pairs)
        let trace = (0..<3).reduce(0.0) { $0 + matrix[$1][$1] }
        ctx.say("Check: λ₁ + λ₂ + λ₃ = {0} = trace A = {1}.", fixed(exact.reduce(0) { $0 + $1.value }, 8), fixed(trace, 8))
    }

    static func pcaOfWordVectors(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("PCA of skip-gram word vectors"))
        var rng = SplitMix64(seed: ctx.seed)
        let sentences = SkipGramDemo.corpus(count: ctx.quick ? 600 : 1_500, rng: &rng)
        let vocabulary = Array(Set(sentences.joined())).sorted()
        let id = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let epochs = ctx.quick ? 3 : 5
        let model = train(sentences.map { $0.map { id[$0]! } }, vocabularySize: vocabulary.count, epochs: epochs, rng: &rng)
        ctx.say("{0} sentences from the NLP chapter's corpus, {1} words, 16-dimensional vectors, {2} epochs",
                String(sentences.count), String(vocabulary.count), String(epochs))

        // The eight people: each differs from the others along three binary axes.
        let people = SkipGramDemo.people
        let vectors = people.map { model.embedding(id[$0.word]!) }
        let pca = PCA(rows: vectors, components: 3)
        let shares = pca.variances.map { $0 / pca.totalVariance }
        ctx.table([ctx.tr("component"), ctx.tr("variance λ"), ctx.tr("share"), ctx.tr("singular value σ = √(n·λ)")],
                  pca.variances.indices.map { ["PC\($0 + 1)", fixed(pca.variances[$0]), fixed(100 * shares[$0], 1) + "%", fixed(pca.singularValues[$0])] })
        ctx.say("The first two components keep {0}% of the variance of the {1} people's vectors.",
                fixed(100 * (shares[0] + shares[1]), 1), String(people.count))
        let coordinates = vectors.map { pca.project($0) }
        ctx.table([ctx.tr("word"), "PC1", "PC2", "PC3"], people.indices.map { [people[$0].word] + coordinates[$0].map { fixed($0, 2) } })
        // Which attribute each component lines up with: the gap between the two groups' mean
        // coordinates, in units of the component's standard deviation.
        let attributes: [(String, (Int) -> Bool)] = [("royal − common", { people[$0].royal }),
                                                     ("female − male", { people[$0].female }),
                                                     ("young − adult", { people[$0].young })]
        var rows: [[String]] = []
        for (name, member) in attributes {
            rows.append([ctx.tr(name)] + (0..<3).map { c in
                let yes = people.indices.filter(member).map { coordinates[$0][c] }
                let no = people.indices.filter { !member($0) }.map { coordinates[$0][c] }
                return fixed((Statistics.mean(yes) - Statistics.mean(no)) / pca.variances[c].squareRoot(), 2)
            })
        }
        ctx.table([ctx.tr("gap in means / sd"), "PC1", "PC2", "PC3"], rows)

        var points: [(x: Double, y: Double)] = [], classes: [Int] = [], labels: [String] = []
        for (k, person) in people.enumerated() {
            points.append((coordinates[k][0], coordinates[k][1]))
            classes.append(person.royal ? 0 : 1)
            labels.append(person.word)
        }
        var plot = ScatterPlot(title: ctx.tr("word vectors on their first two principal components"), points: points,
                               classes: classes, classNames: [ctx.tr("royal"), ctx.tr("common")],
                               xLabel: "PC1", yLabel: "PC2")
        plot.labels = labels
        try ctx.show("word-vectors-pca", plot, height: 16)
    }

    /// Skip-gram with negative sampling as the NLP chapter trains it: window 2, 4 negatives per
    /// pair from unigram counts to the 3/4, a learning rate falling linearly.
    static func train(_ ids: [[Int]], vocabularySize: Int, epochs: Int, rng: inout SplitMix64) -> SkipGram {
        var counts = [Double](repeating: 0, count: vocabularySize)
        ids.joined().forEach { counts[$0] += 1 }
        let weights = counts.map { pow($0, 0.75) }
        let noise = weights.map { $0 / weights.reduce(0, +) }
        var model = SkipGram(vocabularySize: vocabularySize, dimension: 16, rng: &rng)
        for epoch in 0..<epochs {
            let rate = 0.05 * (1 - Double(epoch) / Double(epochs)) + 0.005
            for s in ids {
                for (i, c) in s.enumerated() {
                    for j in max(0, i - 2)...min(s.count - 1, i + 2) where j != i {
                        let negatives = (0..<4).map { _ in Categorical.sample(noise, &rng) }
                        _ = model.step(centre: c, context: s[j], negatives: negatives, rate: rate)
                    }
                }
            }
        }
        return model
    }
}
