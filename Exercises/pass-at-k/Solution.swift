import LLMCourseKit

// The reference answer: the library's estimator (Sources/Evaluation/PassAtK.swift, region "estimate").
func passAtK(n: Int, correct: Int, k: Int) -> Double {
    PassAtK.estimate(n: n, correct: correct, k: k)
}
