/// GRPO's advantage: each sample's reward standardized within its group.
///
/// Group Relative Policy Optimization (Shao et al. 2024, DeepSeekMath) samples a group of `G`
/// answers to each prompt, rewards each one (often 0 or 1 from a checker), and replaces PPO's
/// learned value baseline by the group's own statistics:
/// ```
/// Aᵢ = (rᵢ − mean(r)) / (std(r) + ε)        i = 1 … G
/// std(r) = sqrt( Σⱼ (rⱼ − mean(r))² / (G − 1) )
/// ```
/// **Which std.** The paper writes `std(r)` without saying; this is the *unbiased* (Bessel-
/// corrected, divide by `G − 1`) one, which is what TRL's `GRPOTrainer` gets from PyTorch's
/// default `Tensor.std`, and `ε = 1e-4` is added to the std as TRL does. With the biased std
/// (divide by `G`) every advantage would grow by `sqrt(G / (G − 1))`: the same direction, a
/// slightly larger step.
///
/// Compared with leave-one-out (``PolicyGradient/leaveOneOutAdvantages(_:groupSize:)``):
/// `rᵢ − mean(r) = (G − 1)/G · (rᵢ − mean of the others)`, so GRPO's advantage is RLOO's scaled
/// by `(G − 1) / (G · (std + ε))`, one positive factor per group. The signs agree; the
/// division gives every group with any spread the same total weight (`Σᵢ Aᵢ² ≈ G − 1`), so a
/// prompt the model solves 1 time in 16 pushes as hard as one it solves 8 times in 16. A
/// group whose rewards are all equal (all right, all wrong) has advantage 0: it teaches nothing.
///
/// ```swift
/// let a = PolicyGradient.groupNormalizedAdvantages([1, 0, 0, 0], groupSize: 4)
/// // mean 0.25, std sqrt(0.75 / 3) = 0.5 → [1.4997, −0.4999, −0.4999, −0.4999]
/// ```
extension PolicyGradient {
    // ANCHOR: grpo-advantages
    /// `[N]` rewards in consecutive groups of `groupSize` → `[N]` advantages
    /// `(rᵢ − mean) / (std + ε)`, mean and unbiased std taken per group.
    /// A group of one has no spread to compare against: advantage 0
    /// (PyTorch would give NaN there).
    public static func groupNormalizedAdvantages(
        _ rewards: [Double], groupSize: Int, epsilon: Double = 1e-4
    ) -> [Double] {
        precondition(groupSize > 0 && rewards.count % groupSize == 0,
                     "\(rewards.count) rewards in groups of \(groupSize)")
        guard groupSize > 1 else { return rewards.map { _ in 0 } }
        var advantages = [Double](repeating: 0, count: rewards.count)
        let g = Double(groupSize)
        for start in stride(from: 0, to: rewards.count, by: groupSize) {
            let group = rewards[start..<(start + groupSize)]
            let mean = group.reduce(0, +) / g
            let squares = group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let std = (squares / (g - 1)).squareRoot()   // Bessel: G − 1
            for i in group.indices {
                advantages[i] = (rewards[i] - mean) / (std + epsilon)
            }
        }
        return advantages
    }
    // ANCHOR_END: grpo-advantages
}
