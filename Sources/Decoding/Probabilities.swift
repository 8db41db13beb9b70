import Foundation
import Tensors

/// Turning one row of logits into probabilities, log-probabilities and choices.
///
/// Filtered tokens carry a logit of `-∞` (see ``LogitsProcessor``); they get probability 0.
public enum Probabilities {
    /// `softmax(z)ᵢ = exp(zᵢ − m) / Σⱼ exp(zⱼ − m)`, `m = max z`, in double precision.
    public static func softmax(_ logits: [Float]) -> [Double] {
        let m = Double(logits.max() ?? 0)
        guard m.isFinite else { return [Double](repeating: 1 / Double(max(logits.count, 1)), count: logits.count) }
        let e = logits.map { $0 == -.infinity ? 0 : exp(Double($0) - m) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// `log softmax(z)ᵢ = zᵢ − m − log Σⱼ exp(zⱼ − m)`: what beam search adds up.
    public static func logSoftmax(_ logits: [Float]) -> [Double] {
        let m = Double(logits.max() ?? 0)
        let total = logits.reduce(0.0) { $0 + ($1 == -.infinity ? 0 : exp(Double($1) - m)) }
        let shift = m + log(total)
        return logits.map { Double($0) - shift }
    }

    /// The index of the largest value; the first one on ties (as `torch.argmax`).
    public static func argmax<T: Comparable>(_ values: [T]) -> Int {
        precondition(!values.isEmpty, "argmax of an empty row")
        var best = 0
        for i in 1..<values.count where values[i] > values[best] { best = i }
        return best
    }

    // ANCHOR: sample
    /// One draw from a categorical distribution by inverting its cumulative
    /// sum: with `u` uniform in `[0, 1)`, return the first `i` with
    /// `p₀ + … + pᵢ > u·Σp`. Tokens of probability 0 are never returned.
    public static func sample(_ probabilities: [Double],
                              using rng: inout SplitMix64) -> Int {
        let total = probabilities.reduce(0, +)
        precondition(total > 0, "sample: probabilities sum to \(total); "
                     + "at least one token must stay possible")
        let u = rng.nextUniformDouble() * total
        var cumulative = 0.0
        var last = 0
        for (i, p) in probabilities.enumerated() where p > 0 {
            cumulative += p
            last = i
            if u < cumulative { return i }
        }
        return last  // rounding left u above the total: the last possible token
    }
    // ANCHOR_END: sample

    /// The `k` largest entries as `(index, value)`, largest first; equal values keep index order.
    public static func topK(_ values: [Double], _ k: Int) -> [(index: Int, value: Double)] {
        values.enumerated().map { (index: $0.offset, value: $0.element) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
            .prefix(k).map { $0 }
    }
}
