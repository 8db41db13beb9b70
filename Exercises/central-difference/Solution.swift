import LLMCourseKit

// The reference answer: the course library's central-difference gradient
// (Sources/Fundamentals/Calculus.swift, regions "central-difference" and "central-difference-gradient").
func centralDifferenceGradient(of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
    Calculus.centralDifferenceGradient(of: f, at: x, h: h)
}
