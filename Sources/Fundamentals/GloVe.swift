import Foundation
import Tensors

/// GloVe word vectors (Pennington, Socher and Manning, 2014): instead of predicting neighbors
/// one pair at a time as skip-gram does, count them once and fit the counts.
///
/// X_ij is how often word j occurs within `window` words of word i, each occurrence weighted
/// 1/distance. Each word has a vector w_i and a context vector w̃_j [d] and biases b_i, b̃_j;
/// training minimizes the weighted least squares
///
///   J = ½ Σ_{X_ij > 0} f(X_ij) · (w_i·w̃_j + b_i + b̃_j − ln X_ij)²
///   f(x) = (x / x_max)^α below x_max, 1 above (α = 3/4)
///
/// so that dot products approximate log co-occurrence counts. f keeps rare, noisy pairs from
/// weighing as much as frequent ones and caps the very frequent ones. The pairs never seen
/// (X_ij = 0, most of the matrix) are skipped. The word's embedding is w_i + w̃_i.
///
/// ```swift
/// let pairs = GloVe.cooccurrences(ids, window: 5)
/// var rng = SplitMix64(seed: 1)
/// var model = GloVe(vocabularySize: 1_000, dimension: 32, rng: &rng)
/// for _ in 0..<10 { _ = model.epoch(pairs, rate: 0.05, rng: &rng) }
/// let v = model.embedding(7)
/// ```
public struct GloVe {
    public struct Pair: Sendable, Equatable {
        public let i: Int, j: Int
        public let count: Double
        public init(i: Int, j: Int, count: Double) { (self.i, self.j, self.count) = (i, j, count) }
    }

    public let dimension: Int
    public var xMax = 10.0, alpha = 0.75
    /// Row-major [V, d]: word vectors w and context vectors w̃.
    public var w: [Double], wt: [Double]
    public var b: [Double], bt: [Double]
    /// AdaGrad's running sums of squared gradients, one per parameter.
    var gw: [Double], gwt: [Double], gb: [Double], gbt: [Double]

    public init(vocabularySize: Int, dimension: Int, rng: inout SplitMix64) {
        self.dimension = dimension
        let n = vocabularySize * dimension, s = 0.5 / Double(dimension)
        w = (0..<n).map { _ in rng.uniform(-s, s) }
        wt = (0..<n).map { _ in rng.uniform(-s, s) }
        b = [Double](repeating: 0, count: vocabularySize)
        bt = b
        gw = [Double](repeating: 1, count: n)   // AdaGrad starts its sums at 1, as GloVe's code does
        gwt = gw
        gb = [Double](repeating: 1, count: vocabularySize)
        gbt = gb
    }

    /// Co-occurrence counts of a word-id sequence; ids < 0 are words outside the vocabulary,
    /// which keep their position (they still count towards distances) but pair with nothing.
    /// Symmetric: each pair (i, j) at distance d adds 1/d to X_ij and to X_ji.
    public static func cooccurrences(_ ids: [Int], window: Int) -> [Pair] {
        var counts: [Int: [Int: Double]] = [:]
        for (p, i) in ids.enumerated() where i >= 0 {
            for d in 1...window where p + d < ids.count && ids[p + d] >= 0 {
                let j = ids[p + d]
                counts[i, default: [:]][j, default: 0] += 1 / Double(d)
                counts[j, default: [:]][i, default: 0] += 1 / Double(d)
            }
        }
        return counts.keys.sorted().flatMap { i in counts[i]!.keys.sorted().map { Pair(i: i, j: $0, count: counts[i]![$0]!) } }
    }

    func weight(_ x: Double) -> Double { x < xMax ? pow(x / xMax, alpha) : 1 }

    // ANCHOR: glove-pair
    /// One pair's residual and weight: e = w_i·w̃_j + b_i + b̃_j − ln X_ij, the pair's loss is
    /// ½ f(X_ij) e², and ∂/∂w_i = f e w̃_j, ∂/∂w̃_j = f e w_i, ∂/∂b_i = ∂/∂b̃_j = f e.
    func residual(_ p: Pair) -> (fe: Double, loss: Double) {
        let (a, c) = (p.i * dimension, p.j * dimension)
        var dot = 0.0
        for k in 0..<dimension { dot += w[a + k] * wt[c + k] }
        let e = dot + b[p.i] + bt[p.j] - log(p.count)
        let f = weight(p.count)
        return (f * e, 0.5 * f * e * e)
    }
    // ANCHOR_END: glove-pair

    /// J over `pairs`.
    public func loss(_ pairs: [Pair]) -> Double { pairs.reduce(0) { $0 + residual($1).loss } }

    /// J and its gradient with respect to w, w̃, b and b̃ (same layouts as the parameters).
    public func gradients(_ pairs: [Pair]) -> (loss: Double, dW: [Double], dWt: [Double], dB: [Double], dBt: [Double]) {
        var dW = [Double](repeating: 0, count: w.count), dWt = dW
        var dB = [Double](repeating: 0, count: b.count), dBt = dB
        var total = 0.0
        for p in pairs {
            let (fe, l) = residual(p)
            total += l
            let (a, c) = (p.i * dimension, p.j * dimension)
            for k in 0..<dimension { dW[a + k] += fe * wt[c + k]; dWt[c + k] += fe * w[a + k] }
            dB[p.i] += fe
            dBt[p.j] += fe
        }
        return (total, dW, dWt, dB, dBt)
    }

    /// One pass over the pairs in random order, one AdaGrad step per pair (each parameter's
    /// step is rate / √(its summed squared gradients)); returns the mean pair loss before each step.
    public mutating func epoch(_ pairs: [Pair], rate: Double, rng: inout SplitMix64) -> Double {
        var order = Array(pairs.indices)
        for k in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(k, rng.nextInt(below: k + 1)) }
        var total = 0.0
        for index in order {
            let p = pairs[index]
            let (fe, l) = residual(p)
            total += l
            let (a, c) = (p.i * dimension, p.j * dimension)
            for k in 0..<dimension {
                let (g1, g2) = (fe * wt[c + k], fe * w[a + k])
                w[a + k] -= rate * g1 / gw[a + k].squareRoot()
                wt[c + k] -= rate * g2 / gwt[c + k].squareRoot()
                gw[a + k] += g1 * g1
                gwt[c + k] += g2 * g2
            }
            b[p.i] -= rate * fe / gb[p.i].squareRoot()
            bt[p.j] -= rate * fe / gbt[p.j].squareRoot()
            gb[p.i] += fe * fe
            gbt[p.j] += fe * fe
        }
        return total / Double(max(pairs.count, 1))
    }

    /// Word v's embedding: w_v + w̃_v.
    public func embedding(_ v: Int) -> [Double] {
        (0..<dimension).map { w[v * dimension + $0] + wt[v * dimension + $0] }
    }

    /// Words whose embeddings have the highest cosine similarity with `vector`.
    public func nearest(to vector: [Double], excluding: Set<Int> = [], count: Int = 3) -> [(word: Int, cosine: Double)] {
        (0..<b.count).filter { !excluding.contains($0) }
            .map { ($0, cosineSimilarity(vector, embedding($0))) }
            .sorted { $0.1 > $1.1 }
            .prefix(count).map { (word: $0.0, cosine: $0.1) }
    }
}
