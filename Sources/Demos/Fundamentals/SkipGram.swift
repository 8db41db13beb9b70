import Foundation
import Tensors

/// Word embeddings learned by skip-gram with negative sampling (Mikolov et al., 2013).
///
/// Each word has two vectors: `input[w]` (its embedding, used as a centre word) and
/// `output[w]` (used when it appears as a context word). For a (centre c, context o) pair and
/// k sampled "negative" words n₁…n_k the loss is
///
///   L = −log σ(output[o]·input[c]) − Σᵢ log σ(−output[nᵢ]·input[c])
///
/// so true neighbours are pulled together and random words pushed apart.
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

    // ANCHOR: skipgram-step
    /// One SGD step on a (centre, context) pair and its negative samples;
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
            let p = SkipGram.sigmoid(score)
            loss -= label == 1 ? log(max(p, 1e-12)) : log(max(1 - p, 1e-12))
            let g = p - label              // dL/dscore of the logistic loss
            for i in 0..<d {
                centreGrad[i] += g * output[w + i]
                output[w + i] -= rate * g * input[cc + i]
            }
        }
        for i in 0..<d { input[cc + i] -= rate * centreGrad[i] }
        return loss
    }
    // ANCHOR_END: skipgram-step

    /// Words whose embeddings have the highest cosine similarity with `vector`.
    public func nearest(to vector: [Double], excluding: Set<Int> = [], count: Int = 3) -> [(word: Int, cosine: Double)] {
        (0..<(input.count / dimension)).filter { !excluding.contains($0) }
            .map { ($0, cosineSimilarity(vector, embedding($0))) }
            .sorted { $0.1 > $1.1 }
            .prefix(count).map { (word: $0.0, cosine: $0.1) }
    }
}
