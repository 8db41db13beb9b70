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
}
