/// Bayes' rule over a finite set of hypotheses: the posterior is the prior reweighted by how
/// well each hypothesis predicted the evidence, then normalized.
///
/// ```
/// P(H_k | E) = P(E | H_k)·P(H_k) / Σ_j P(E | H_j)·P(H_j)       prior [K], likelihood [K] → posterior [K]
/// ```
///
/// The denominator, P(E), is the total probability of the evidence. Applying the rule again
/// with the posterior as the new prior updates on a second, independent piece of evidence.
///
/// ```swift
/// // 1% prevalence; a test that is positive for 95% of the sick and 5% of the healthy.
/// let afterOne = BayesRule.posterior(prior: [0.01, 0.99], likelihood: [0.95, 0.05])  // [0.161, 0.839]
/// let afterTwo = BayesRule.posterior(prior: afterOne, likelihood: [0.95, 0.05])      // [0.785, 0.215]
/// ```
public enum BayesRule {
    // ANCHOR: posterior
    /// Posterior ∝ likelihood × prior, normalized to sum to one.
    public static func posterior(prior: [Double], likelihood: [Double]) -> [Double] {
        precondition(prior.count == likelihood.count, "posterior: \(prior.count) priors, \(likelihood.count) likelihoods")
        let joint = zip(prior, likelihood).map { $0 * $1 }   // P(E, H_k)
        let evidence = joint.reduce(0, +)                    // P(E)
        return joint.map { $0 / evidence }
    }
    // ANCHOR_END: posterior

    /// The posterior after each of several independent pieces of evidence, in order: each
    /// posterior becomes the prior for the next. `likelihoods[t]` [K] is P(E_t | H_k); returns
    /// one posterior [K] per piece. The order does not change the final answer, since the
    /// posterior is ∝ prior × Π_t likelihood_t either way.
    public static func update(prior: [Double], likelihoods: [[Double]]) -> [[Double]] {
        var belief = prior
        return likelihoods.map { likelihood in
            belief = posterior(prior: belief, likelihood: likelihood)
            return belief
        }
    }

    /// The same rule for two hypotheses in odds form: posterior odds = prior odds × likelihood
    /// ratio, P(H₁|E)/P(H₂|E) = P(H₁)/P(H₂) · P(E|H₁)/P(E|H₂). A test with likelihood ratio
    /// 0.95/0.05 = 19 multiplies the odds by 19 each time it comes back positive.
    public static func posteriorOdds(priorOdds: Double, likelihoodRatio: Double) -> Double {
        priorOdds * likelihoodRatio
    }
}
