import LLMCourseKit

/// A linear layer on a batch: `y = x·Wᵀ + b`.
///
/// Shapes: `x` is `[n][in]`, `weight` is `[out][in]` (one row per output), `bias` is `[out]`;
/// the result is `[n][out]` with `y[r][o] = bias[o] + Σᵢ x[r][i] · weight[o][i]`.
func linearForward(_ x: [[Float]], weight: [[Float]], bias: [Float]) -> [[Float]] {
    // TODO: one output row per input row, one output column per weight row.
    return []
}

/// The three gradients of the linear layer, given `g = ∂L/∂y` of shape `[n][out]`:
///
/// - `dx = g · W`       shape `[n][in]`
/// - `dWeight = gᵀ · x` shape `[out][in]`
/// - `dBias = Σ_rows g` shape `[out]`
func linearBackward(_ x: [[Float]], weight: [[Float]], upstream g: [[Float]])
    -> (dx: [[Float]], dWeight: [[Float]], dBias: [Float]) {
    // TODO: check each formula's shape before you write its loops.
    return ([], [], [])
}
