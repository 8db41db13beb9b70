import LLMCourseKit

/// Directional ablation: each vector loses its component along `direction`.
///
/// - `vectors` is `[N, C]` (N rows of C numbers), `direction` is `[C]` and need not have
///   length 1: normalize it first, `r̂ = r / ‖r‖`.
/// - Each row becomes `v − (v · r̂) r̂`; the result has the same shape as `vectors`.
/// - A zero direction removes nothing: return the vectors unchanged.
func projectOut(_ vectors: [[Float]], direction: [Float]) -> [[Float]] {
    // TODO: compute ‖direction‖ and the unit vector r̂ (leave a zero direction as it is).
    // TODO: for each row v, compute the dot product v · r̂ and subtract (v · r̂) times r̂.
    return vectors
}
