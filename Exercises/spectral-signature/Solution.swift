import LLMCourseKit

// The reference answer: the course library's scores (Sources/Security/Poisoning/SpectralSignature.swift,
// region "spectral-scores").
func spectralScores(_ representations: [[Double]]) -> [Double] {
    SpectralSignature.scores(representations)
}
