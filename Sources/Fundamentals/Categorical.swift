import Foundation
import Tensors

/// A categorical distribution over `n` classes in double precision: softmax of scores,
/// sampling, and cross-entropy as maximum likelihood.
///
/// ```
/// softmax(z)_i = exp(z_i − max z) / Σ_j exp(z_j − max z)        z [n] → p [n], Σ p = 1
/// L(z) = −(1/N) Σ_k log softmax(z)[y_k]                          labels y [N]
/// ∂L/∂z_i = softmax(z)_i − (count of i in y) / N
/// ```
///
/// ```swift
/// let (loss, gradient) = Categorical.crossEntropy(logits: [0, 0, 0], labels: [0, 0, 1])
/// let p = Categorical.softmax([1.5, -1.8, 0.9])
/// var rng = SplitMix64(seed: 1)
/// let k = Categorical.sample(p, &rng)   // 0, 1 or 2, with probability p[k]
/// ```
public enum Categorical {
    // ANCHOR: cross-entropy-gradient
    /// Mean cross-entropy −(1/N) Σ log softmax(z)[y] of the labels `ys`,
    /// and its gradient softmax(z) − (label frequencies). The loss is flat
    /// exactly where the probabilities equal the observed frequencies:
    /// the maximum-likelihood estimate.
    public static func crossEntropy(logits z: [Double], labels ys: [Int])
        -> (loss: Double, gradient: [Double]) {
        let m = z.max() ?? 0
        let exps = z.map { exp($0 - m) }   // shifted: exp cannot overflow
        let total = exps.reduce(0, +)
        let p = exps.map { $0 / total }
        var counts = [Double](repeating: 0, count: z.count)
        ys.forEach { counts[$0] += 1 }
        let n = Double(ys.count)
        let loss = -ys.map { log(p[$0]) }.reduce(0, +) / n
        return (loss, zip(p, counts).map { $0 - $1 / n })
    }
    // ANCHOR_END: cross-entropy-gradient

    /// Probabilities from scores, shifted by the largest score so `exp` cannot overflow.
    public static func softmax(_ z: [Double]) -> [Double] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Inverse-CDF sampling: the first index whose running total passes a uniform number.
    public static func sample(_ p: [Double], _ rng: inout SplitMix64) -> Int {
        let u = rng.nextUniformDouble()
        var total = 0.0
        for (i, pi) in p.enumerated() {
            total += pi
            if u < total { return i }
        }
        return p.count - 1
    }
}
