import Foundation
import LLMCourseKit

/// One head vector rotated by RoPE as if it stood at `position`, in Hugging Face's layout.
///
/// `x` has an even size `d`. Coordinate `i` and coordinate `i + d/2` form pair `i`
/// (`i = 0 ..< d/2`), which turns by the angle `(position / scalingFactor) · θᵢ` with
/// `θᵢ = base^(−2i/d)`:
///
///     out[i]         = x[i] · cos(angle) − x[i + d/2] · sin(angle)
///     out[i + d/2]   = x[i + d/2] · cos(angle) + x[i] · sin(angle)
///
///     applyRoPE([1, 0], position: 1)  →  [cos 1, sin 1]  ≈  [0.5403, 0.8415]
///
/// `scalingFactor` greater than 1 is position interpolation: positions are divided by it before
/// the angles are taken, so a model trained on short contexts reads longer ones.
func applyRoPE(_ x: [Float], position: Int, base: Float = 10_000, scalingFactor: Float = 1) -> [Float] {
    // TODO: compute θᵢ = base^(−2i/d) for i in 0..<d/2 (in Float, like the library).
    // TODO: the angle of pair i is Float(position) / scalingFactor · θᵢ.
    // TODO: rotate the pair (x[i], x[i + d/2]) by that angle and write both results.
    return x
}
