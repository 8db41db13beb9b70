import LLMCourseKit

/// GRPO's advantages. `rewards` holds consecutive groups of `groupSize` samples (the answers
/// to one prompt); each sample's advantage is its reward standardized within its own group:
///
///     Aᵢ = (rᵢ − mean) / (std + epsilon)
///     std = sqrt( Σⱼ (rⱼ − mean)² / (groupSize − 1) )      (the unbiased std)
///
/// A group of one sample has nothing to compare with: its advantage is 0.
/// The result has one advantage per reward, in the same order.
func groupNormalizedAdvantages(_ rewards: [Double], groupSize: Int, epsilon: Double = 1e-4) -> [Double] {
    // TODO: for each group, its mean and its unbiased standard deviation.
    // TODO: each sample's (reward − mean) / (std + epsilon).
    return rewards.map { _ in 0 }
}
