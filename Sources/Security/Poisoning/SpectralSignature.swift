import Foundation

/// Spectral signatures (Tran, Li & Mądry, "Spectral Signatures in Backdoor Attacks", NeurIPS
/// 2018): poisoned examples leave a trace in the representations a model learns from them,
/// strong enough to stand out along the top singular direction of the representations.
///
/// ```
/// R        [n, d]   one representation per training example of one label (here: one task)
/// μ        [d]      the mean row of R
/// M = R − μ [n, d]  centered representations
/// v        [d]      top right singular vector of M  (top eigenvector of Mᵀ·M, [d, d])
/// sᵢ = ((Rᵢ − μ)·v)²                                   the outlier score of example i
/// remove the ⌊1.5·ε·n⌉ examples with the largest scores, retrain on the rest
/// ```
///
/// Why it works: the poisoned examples all share one feature the clean ones lack (the trigger,
/// and an answer that depends only on it), so the model represents them shifted in a common
/// direction. When that shift is large compared with the clean spread, it is the direction of
/// largest variance of the centered set, and the poisoned rows project far from 0 on it. The
/// defender needs no clean reference set and no knowledge of the trigger, only an upper bound
/// ε on the poisoned share; removing 1.5·ε·n trades some clean examples for catching the poison.
/// The sign of v is arbitrary, and squaring makes the scores independent of it.
///
/// ```swift
/// let scores = SpectralSignature.scores(r)                         // [n]
/// let removed = SpectralSignature.flagged(scores, count: SpectralSignature.removalCount(n: r.count, epsilon: 0.05))
/// ```
public enum SpectralSignature {
    // ANCHOR: spectral-scores
    /// The outlier score of each row of `representations` ([n, d], n ≥ 1): its squared
    /// projection, after centering, on the top right singular vector of the centered matrix.
    public static func scores(_ representations: [[Double]], iterations: Int = 1_000) -> [Double] {
        let n = representations.count, d = representations.first?.count ?? 0
        precondition(n > 0 && representations.allSatisfy { $0.count == d }, "SpectralSignature: need n ≥ 1 rows of equal length")
        let mean = (0..<d).map { j in representations.reduce(0) { $0 + $1[j] } / Double(n) }
        let centered = representations.map { row in zip(row, mean).map { $0 - $1 } }  // M [n, d]
        let v = topRightSingularVector(centered, iterations: iterations)             // [d]
        return centered.map { row in
            let projection = zip(row, v).reduce(0) { $0 + $1.0 * $1.1 }
            return projection * projection
        }
    }

    /// The unit vector v maximizing |M·v| for M [n, d]: power iteration on Mᵀ·M [d, d], whose
    /// top eigenvector it is (Mᵀ·M = V·Σ²·Vᵀ). Multiplying by Mᵀ·M squares the singular
    /// values, so the other directions shrink like (σ₂/σ₁)^(2k) after k steps.
    public static func topRightSingularVector(_ m: [[Double]], iterations: Int = 1_000, tolerance: Double = 1e-13) -> [Double] {
        let d = m.first?.count ?? 0
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)  // Mᵀ·M
        for row in m {
            for i in 0..<d where row[i] != 0 {
                for j in 0..<d { covariance[i][j] += row[i] * row[j] }
            }
        }
        // A fixed start with no symmetry, so no direction is left out by construction.
        var v = normalized((0..<d).map { 1 + Double($0 % 7) / 10 })
        for _ in 0..<iterations {
            let cv = covariance.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
            let next = normalized(cv)
            if next.allSatisfy({ $0 == 0 }) { return v }  // M is 0: every direction is as good
            let change = zip(next, v).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            v = next
            if change < tolerance { break }
        }
        return v
    }
    // ANCHOR_END: spectral-scores

    /// How many examples to remove from a group of `n` when at most a share `epsilon` may be
    /// poisoned: 1.5·ε·n, rounded, as in the paper.
    public static func removalCount(n: Int, epsilon: Double) -> Int {
        min(n, Int((1.5 * epsilon * Double(n)).rounded()))
    }

    /// Indices of the `count` largest scores, ascending (ties keep the lower index).
    public static func flagged(_ scores: [Double], count: Int) -> [Int] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return order.prefix(max(0, count)).sorted()
    }

    /// The examples to remove from a whole data set: each group (a label, here a task) scored
    /// on its own, its 1.5·ε·n_group highest scores flagged. `groups[i]` names row i's group.
    /// Returns indices into `representations`, ascending.
    public static func filter(_ representations: [[Double]], groups: [String], epsilon: Double) -> [Int] {
        precondition(representations.count == groups.count, "SpectralSignature: one group name per row")
        var removed: [Int] = []
        for group in Set(groups).sorted() {
            let members = groups.indices.filter { groups[$0] == group }
            let groupScores = scores(members.map { representations[$0] })
            removed += flagged(groupScores, count: removalCount(n: members.count, epsilon: epsilon)).map { members[$0] }
        }
        return removed.sorted()
    }

    static func normalized(_ v: [Double]) -> [Double] {
        let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return length > 0 ? v.map { $0 / length } : v
    }
}
