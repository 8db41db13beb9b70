import Foundation
import LLMCourseKit

/// Estimates the gradient of `f` at `x` by central differences, one coordinate at a time:
///
///     gᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h
///
/// where `eᵢ` is the unit vector along coordinate `i`. The result has `x.count` entries.
func centralDifferenceGradient(of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
    // TODO: for each coordinate, evaluate f at two nudged copies of x.
    return [Double](repeating: 0, count: x.count)
}
