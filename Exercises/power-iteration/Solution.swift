import LLMCourseKit

// The reference answer: the course library's power iteration
// (Sources/Fundamentals/PowerIteration.swift, regions "power-iteration" and "deflation").
func powerIteration(_ a: [[Double]], start: [Double], iterations: Int) -> [Double] {
    PowerIteration.dominant(a, start: start, iterations: iterations, tolerance: 0).vector
}

func rayleighQuotient(_ a: [[Double]], _ v: [Double]) -> Double { PowerIteration.rayleighQuotient(a, v) }

func deflate(_ a: [[Double]], value: Double, vector: [Double]) -> [[Double]] {
    PowerIteration.deflate(a, value: value, vector: vector)
}
