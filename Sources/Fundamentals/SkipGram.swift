import Foundation
import Tensors

/// Word embeddings learned by skip-gram with negative sampling (Mikolov et al., 2013).
///
/// Each word has two vectors: `input[w]` (its embedding, used as a center word) and
/// `output[w]` (used when it appears as a context word). For a (center c, context o) pair and
/// k sampled "negative" words n₁…n_k the loss is
///
///   L = −log σ(output[o]·input[c]) − Σᵢ log σ(−output[nᵢ]·input[c])
///
/// so true neighbors are pulled together and random words pushed apart.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// var model = SkipGram(vocabularySize: 5, dimension: 4, rng: &rng)
/// let loss = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.05)
/// let near = model.nearest(to: model.embedding(0), excluding: [0])   // [(word, cosine)]
/// ```
public struct SkipGram {
    public let dimension: Int
    /// Row-major `[vocabulary, dimension]`: word w's embedding is `input[w*dimension ..< (w+1)*dimension]`.
    public var input: [Double]
    /// Row-major `[vocabulary, dimension]`: the context-side vectors.
    public var output: [Double]

    public init(vocabularySize: Int, dimension: Int, rng: inout SplitMix64) {
        self.dimension = dimension
        let scale = 0.5 / Double(dimension)
        input = (0..<(vocabularySize * dimension)).map { _ in rng.uniform(-scale, scale) }
        output = [Double](repeating: 0, count: vocabularySize * dimension)
    }

    /// The embedding of word `w`.
    public func embedding(_ w: Int) -> [Double] { Array(input[(w * dimension)..<((w + 1) * dimension)]) }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// One term of the loss: a word scored `u·v_c`, with label 1 (the true context word) or 0
    /// (a negative sample). Returns its logistic loss and g = σ(score) − label, the loss's
    /// derivative with respect to the score.
    static func logisticTerm(score: Double, label: Double) -> (loss: Double, slope: Double) {
        let p = sigmoid(score)
        let loss = label == 1 ? -log(max(p, 1e-12)) : -log(max(1 - p, 1e-12))
        return (loss, p - label)
    }

    // ANCHOR: skipgram-step
    /// One SGD step on a (center, context) pair and its negative samples;
    /// returns the loss.
    public mutating func step(centre c: Int, context o: Int, negatives: [Int],
                              rate: Double) -> Double {
        var centreGrad = [Double](repeating: 0, count: dimension)
        var loss = 0.0
        // label 1 for the true context word, 0 for each negative sample
        let (d, cc) = (dimension, c * dimension)   // where row c starts
        for (word, label) in [(o, 1.0)] + negatives.map({ ($0, 0.0) }) {
            let w = word * d
            var score = 0.0
            for i in 0..<d { score += output[w + i] * input[cc + i] }  // u·v_c
            let (term, g) = SkipGram.logisticTerm(score: score, label: label)
            loss += term                   // g = dL/dscore = σ(score) − label
            for i in 0..<d {
                centreGrad[i] += g * output[w + i]
                output[w + i] -= rate * g * input[cc + i]
            }
        }
        for i in 0..<d { input[cc + i] -= rate * centreGrad[i] }
        return loss
    }
    // ANCHOR_END: skipgram-step

    // ANCHOR: skipgram-gradients
    /// The loss of one (center, context) pair and its negative samples, and its gradient with
    /// respect to every vector involved, without changing any embedding: the step above, as a
    /// function of the vectors themselves.
    ///
    /// `centre` v [d], `context` u [d], `negatives` k × [d] →
    /// loss, ∂L/∂v [d], ∂L/∂u [d], ∂L/∂nᵢ k × [d], where for each word w with label y
    /// (1 for u, 0 for the nᵢ) and g = σ(w·v) − y: ∂L/∂w = g·v and ∂L/∂v = Σ g·w.
    public static func lossAndGradients(centre v: [Double], context u: [Double], negatives: [[Double]])
        -> (loss: Double, dCentre: [Double], dContext: [Double], dNegatives: [[Double]]) {
        var dCentre = [Double](repeating: 0, count: v.count)
        var loss = 0.0
        var wordGradients: [[Double]] = []
        for (word, label) in [(u, 1.0)] + negatives.map({ ($0, 0.0) }) {
            var score = 0.0
            for i in v.indices { score += word[i] * v[i] }
            let (term, g) = logisticTerm(score: score, label: label)
            loss += term
            for i in v.indices { dCentre[i] += g * word[i] }
            wordGradients.append(v.map { g * $0 })
        }
        return (loss, dCentre, wordGradients[0], Array(wordGradients.dropFirst()))
    }
    // ANCHOR_END: skipgram-gradients

    /// Words whose embeddings have the highest cosine similarity with `vector`.
    public func nearest(to vector: [Double], excluding: Set<Int> = [], count: Int = 3) -> [(word: Int, cosine: Double)] {
        (0..<(input.count / dimension)).filter { !excluding.contains($0) }
            .map { ($0, cosineSimilarity(vector, embedding($0))) }
            .sorted { $0.1 > $1.1 }
            .prefix(count).map { (word: $0.0, cosine: $0.1) }
    }
}
