import LLMCourseKit

// The reference answer: the library's advantages (Sources/Alignment/GroupRelativeAdvantage.swift,
// region "grpo-advantages").
func groupNormalizedAdvantages(_ rewards: [Double], groupSize: Int, epsilon: Double = 1e-4) -> [Double] {
    PolicyGradient.groupNormalizedAdvantages(rewards, groupSize: groupSize, epsilon: epsilon)
}
