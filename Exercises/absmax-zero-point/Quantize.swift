import Foundation
import LLMCourseKit

/// Absmax int8: `step = max|x| / 127` (1 when every value is 0), `code = round(x / step)`.
/// Returns the codes (−127…127) and the step.
func absmaxQuantize(_ x: [Float]) -> (codes: [Int32], step: Float) {
    // TODO: find max |x|, compute the step, round each x / step to the nearest integer
    // (ties to even: `.rounded(.toNearestOrEven)`).
    return (x.map { _ in 0 }, 1)
}

/// Zero-point int8: the range `[lo, hi]` with `lo = min(min x, 0)` and `hi = max(max x, 0)`,
/// `step = (hi − lo) / 255` (1 when `hi == lo`), `zero = −round(lo / step) − 128`,
/// `code = clamp(round(x / step) + zero, −128, 127)`.
func zeroPointQuantize(_ x: [Float]) -> (codes: [Int32], step: Float, zero: Int32) {
    // TODO: compute lo, hi, the step and the zero point, then the clamped codes.
    return (x.map { _ in 0 }, 1, 0)
}

/// `x̂ = step · (code − zero)` (absmax: zero = 0).
func dequantize(_ codes: [Int32], step: Float, zero: Int32 = 0) -> [Float] {
    // TODO: undo the mapping.
    return codes.map { _ in 0 }
}
