import LLMCourseKit

/// Advantages for answers sampled in groups of `groupSize` per prompt: each answer's
/// KL-penalized reward `R = score − β·(log π − log π_ref)` minus the mean of the other answers'
/// `R` in its group (0 for groups of one).
func penalizedAdvantages(scores: [Double], policyLogProbs: [Double], referenceLogProbs: [Double],
                         beta: Double, groupSize: Int) -> [Double] {
    // TODO: fold the KL penalty into each score, then subtract each group's leave-one-out mean.
    return scores
}
