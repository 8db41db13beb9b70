import Foundation

/// Gauss–Legendre quadrature: an `n`-point rule that integrates every polynomial of degree
/// `≤ 2n − 1` exactly,
///
///     ∫_lo^hi f(s) ds ≈ (hi − lo)/2 · Σ_i w_i · f(lo + (hi − lo)(1 + z_i)/2),
///
/// where the nodes `z_i` are the roots of the Legendre polynomial `P_n` on [−1, 1] and the
/// weights are `w_i = 2 / ((1 − z_i²) P_n′(z_i)²)`.
///
/// LSH's false-positive and false-negative areas (``LSHBands``) integrate polynomials of degree
/// `b·r ≤ numPerm`, so a rule of `numPerm/2 + 1` points gives them to rounding error — the
/// precision needed to pick the same `(b, r)` as datasketch, whose two best choices can differ
/// by 10⁻⁷.
///
/// ```swift
/// let rule = GaussLegendre(points: 3)
/// rule.integrate(from: 0, to: 1) { $0 * $0 * $0 * $0 * $0 }   // 1/6, exactly (degree 5 = 2·3 − 1)
/// ```
public struct GaussLegendre: Sendable {
    /// The roots of `P_n` on [−1, 1], in decreasing order, and their weights.
    public let nodes: [Double]
    public let weights: [Double]

    public init(points n: Int) {
        precondition(n >= 1, "a rule needs at least one point")
        var nodes = [Double](repeating: 0, count: n), weights = [Double](repeating: 0, count: n)
        // The roots come in ± pairs; find the positive ones by Newton's method from a close guess.
        for i in 0 ..< (n + 1) / 2 {
            var z = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                let (p, dp) = Self.legendre(n, at: z)
                derivative = dp
                let step = p / dp
                z -= step
                if abs(step) < 1e-16 { break }
            }
            derivative = Self.legendre(n, at: z).derivative
            let w = 2 / ((1 - z * z) * derivative * derivative)
            (nodes[i], nodes[n - 1 - i]) = (z, -z)
            (weights[i], weights[n - 1 - i]) = (w, w)
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// `P_n(z)` and `P_n′(z)` by the three-term recurrence `k·P_k = (2k − 1)·z·P_{k−1} − (k − 1)·P_{k−2}`.
    static func legendre(_ n: Int, at z: Double) -> (value: Double, derivative: Double) {
        var previous = 0.0, current = 1.0
        for k in 1...n {
            (previous, current) = (current, ((2 * Double(k) - 1) * z * current - (Double(k) - 1) * previous) / Double(k))
        }
        return (current, Double(n) * (z * current - previous) / (z * z - 1))
    }

    /// The rule applied to `f` on [lo, hi].
    public func integrate(from lo: Double, to hi: Double, _ f: (Double) -> Double) -> Double {
        let half = (hi - lo) / 2, middle = (hi + lo) / 2
        var sum = 0.0
        for (z, w) in zip(nodes, weights) { sum += w * f(middle + half * z) }
        return half * sum
    }
}
