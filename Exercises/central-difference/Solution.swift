import Foundation
import LLMCourseKit

// The reference answer: the central difference of the course
// (Sources/Demos/Fundamentals/CalculusDemo.swift, region "central-difference"),
// applied to each coordinate in turn.
func centralDifferenceGradient(of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
    x.indices.map { i in
        var up = x, down = x
        up[i] += h
        down[i] -= h
        return (f(up) - f(down)) / (2 * h)
    }
}
