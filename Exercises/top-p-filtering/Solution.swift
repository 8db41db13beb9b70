import LLMCourseKit

// The reference answer: the course's TopP processor (Sources/Decoding/Truncation.swift,
// region "top-p"), applied to one row of scores.
func topPFilter(_ scores: [Float], p: Float, minTokensToKeep: Int = 1) -> [Float] {
    var filtered = scores
    TopP(p, minTokensToKeep: minTokensToKeep).process(&filtered, history: [])
    return filtered
}
