/// Best-of-n: sample `n` answers, score each one, keep the highest.
///
/// The scorer is whatever judges an answer without knowing the truth: the model's own
/// log-likelihood `log p(y | x)` (which drifts towards the most probable answer, right or
/// wrong), a reward model (the preference chapter's route), or a learned verifier that
/// estimates `P(correct | x, y)` (Cobbe et al. 2021). Spending `n` times the tokens buys only
/// as much as the scorer can tell right from wrong.
///
/// ```swift
/// let answers = [" 12.", " 13.", " 12."]
/// let logLikelihoods = [-2.1, -0.7, -2.1]
/// BestOfN.pick(answers.indices) { logLikelihoods[$0] }  // 1: " 13." is the model's favorite
/// ```
public enum BestOfN {
    // ANCHOR: best-of-n
    /// The index (0-based, into `candidates`) of the highest score.
    ///
    /// Ties go to the earliest candidate, so the pick never depends on a
    /// hash or a sort's stability. A NaN score never wins. `nil` when
    /// there is no candidate or every score is NaN.
    public static func pick<Candidate>(
        _ candidates: some Collection<Candidate>,
        score: (Candidate) throws -> Double
    ) rethrows -> Int? {
        var best: (index: Int, score: Double)?
        for (index, candidate) in candidates.enumerated() {
            let s = try score(candidate)
            guard !s.isNaN else { continue }
            if best == nil || s > best!.score { best = (index, s) }
        }
        return best?.index
    }
    // ANCHOR_END: best-of-n
}
