import Autograd
import Tensors

/// The two formulas of the reinforcement-learning route of RLHF, written for whole responses
/// (one action = one sampled answer, its log-probability summed over its tokens).
///
/// The objective is the expected reward minus a KL penalty that keeps the policy near the
/// reference (the SFT model), as in InstructGPT (Ouyang et al. 2022):
/// ```
/// J(θ) = E_{y ~ π_θ(·|x)} [ r(x, y) ] − β · KL(π_θ(·|x) ‖ π_ref(·|x))
///      = E_{y ~ π_θ} [ r(x, y) − β · (log π_θ(y|x) − log π_ref(y|x)) ]
/// ```
/// so the penalty can be folded into each sample's reward. REINFORCE (Williams 1992) turns the
/// gradient of an expectation into an expectation of gradients:
/// ```
/// ∇J = E_{y ~ π_θ} [ (R(y) − b) · ∇ log π_θ(y|x) ]        R = penalized reward, b = baseline
/// ```
/// Any baseline `b` that does not depend on `y` leaves the expectation unchanged
/// (`E[∇ log π] = ∇ Σ π = ∇1 = 0`) but, close to the mean reward, shrinks the variance a lot.
public enum PolicyGradient {
    // ANCHOR: kl-penalty
    /// The per-sample KL penalty `β · (log π(y|x) − log π_ref(y|x))`.
    ///
    /// For `y` drawn from `π` its expectation is `β · KL(π ‖ π_ref)`; one sample can be negative,
    /// the average over many cannot (Gibbs' inequality).
    public static func klPenalty(policy: Double, reference: Double, coefficient beta: Double) -> Double {
        beta * (policy - reference)
    }
    // ANCHOR_END: kl-penalty

    // ANCHOR: advantages
    /// Advantages for `groups` of samples that share a prompt: each sample's reward minus the
    /// mean of the *other* samples of its group (the leave-one-out baseline of RLOO, Ahmadian
    /// et al. 2024). The baseline never looks at the sample itself, so the gradient stays unbiased.
    /// A group of one sample gets advantage 0: there is nothing to compare it with.
    public static func leaveOneOutAdvantages(_ rewards: [Double], groupSize: Int) -> [Double] {
        precondition(groupSize > 0 && rewards.count % groupSize == 0, "leaveOneOutAdvantages: \(rewards.count) rewards in groups of \(groupSize)")
        guard groupSize > 1 else { return rewards.map { _ in 0 } }
        var advantages = [Double](repeating: 0, count: rewards.count)
        for start in stride(from: 0, to: rewards.count, by: groupSize) {
            let group = rewards[start..<(start + groupSize)]
            let total = group.reduce(0, +)
            for i in group.indices { advantages[i] = rewards[i] - (total - rewards[i]) / Double(groupSize - 1) }
        }
        return advantages
    }
    // ANCHOR_END: advantages

    // ANCHOR: reinforce-loss
    /// The REINFORCE surrogate loss `−(1/N) Σᵢ Aᵢ · log π(yᵢ|x)` from `[N]` differentiable
    /// log-probabilities and constant advantages. Its value means little; its gradient is the
    /// policy-gradient estimate, negated so that an optimizer *minimizing* it climbs `J`:
    /// ```
    /// ∂L/∂log π(yᵢ) = −Aᵢ / N
    /// ```
    /// A sample better than its baseline (`A > 0`) becomes more likely, a worse one less likely.
    public static func reinforceLoss(logProbabilities: Variable, advantages: [Double]) -> Variable {
        let n = logProbabilities.value.count
        precondition(advantages.count == n, "reinforceLoss: \(advantages.count) advantages for \(n) samples")
        let weights = advantages.map { Float($0 / Double(max(n, 1))) }
        let value = zip(weights, logProbabilities.value.scalars).reduce(Float(0)) { $0 - $1.0 * $1.1 }
        return Variable(Tensor(value), operation: "reinforce-loss", parents: [logProbabilities]) { g in
            logProbabilities.accumulateGrad(Tensor(weights.map { -$0 * g.scalar }))
        }
    }
    // ANCHOR_END: reinforce-loss
}
