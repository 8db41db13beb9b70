import Tensors

/// The accept/reject rule of speculative sampling (Leviathan et al. 2023; Chen et al. 2023).
///
/// A cheap draft model proposes a token `x` drawn from its distribution `q`; the target model's
/// distribution at the same position is `p`. Accept `x` with probability `min(1, p(x)/q(x))`;
/// on rejection draw a replacement from the residual `norm(max(0, p − q))`. The token that
/// comes out is distributed exactly as `p`:
///
///     P(out = y) = q(y)·min(1, p(y)/q(y)) + P(reject)·residual(y)
///                = min(q(y), p(y)) + (Σ_z max(0, p(z) − q(z)))·max(0, p(y) − q(y)) / Σ_z max(0, p(z) − q(z))
///                = min(q(y), p(y)) + max(0, p(y) − q(y)) = p(y)
///
/// since `P(reject) = 1 − Σ_z min(p(z), q(z)) = Σ_z max(0, p(z) − q(z))`.
public enum SpeculativeRule {
    // ANCHOR: acceptance
    /// `min(1, p(x)/q(x))`: always accept when the target likes `x` at least
    /// as much as the draft did.
    public static func acceptanceProbability(token x: Int, target p: [Double],
                                             draft q: [Double]) -> Double {
        guard q[x] > 0 else { return 1 }  // the draft never proposes such an x
        return min(1, p[x] / q[x])
    }

    /// `norm(max(0, p − q))`: the mass where the target wants more than the
    /// draft gave. If `p = q` nothing is ever rejected; `p` is returned.
    public static func residual(target p: [Double],
                                draft q: [Double]) -> [Double] {
        precondition(p.count == q.count,
                     "residual: \(p.count) target, \(q.count) draft values")
        let excess = zip(p, q).map { max(0, $0 - $1) }
        let total = excess.reduce(0, +)
        return total > 0 ? excess.map { $0 / total } : p
    }

    /// Verifies one drafted token: `nil` when accepted, else a replacement
    /// drawn from the residual.
    public static func verify(token x: Int, target p: [Double],
                              draft q: [Double],
                              using rng: inout SplitMix64) -> Int? {
        let accept = acceptanceProbability(token: x, target: p, draft: q)
        if rng.nextUniformDouble() < accept { return nil }
        return Probabilities.sample(residual(target: p, draft: q), using: &rng)
    }
    // ANCHOR_END: acceptance
}
