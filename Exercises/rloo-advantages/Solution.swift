import LLMCourseKit

// The reference answer: the library's penalty and baseline (Sources/Alignment/PolicyGradient.swift,
// regions "kl-penalty" and "advantages").
func penalizedAdvantages(scores: [Double], policyLogProbs: [Double], referenceLogProbs: [Double],
                         beta: Double, groupSize: Int) -> [Double] {
    let rewards = scores.indices.map {
        scores[$0] - PolicyGradient.klPenalty(policy: policyLogProbs[$0], reference: referenceLogProbs[$0], coefficient: beta)
    }
    return PolicyGradient.leaveOneOutAdvantages(rewards, groupSize: groupSize)
}
