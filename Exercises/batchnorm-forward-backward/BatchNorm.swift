import Foundation
import LLMCourseKit

/// Batch normalization in training mode. `x` is `[n][c]`: `n` examples (rows), `c` features
/// (columns). Each column is normalized by its own batch mean and biased variance (divide by
/// `n`), then scaled by `gamma[c]` and shifted by `beta[c]`:
///
/// `y[i][c] = gamma[c] · (x[i][c] − mean[c]) / √(variance[c] + epsilon) + beta[c]`
///
/// Returns `y` (`[n][c]`) and the per-column `mean` and `variance` (`[c]`).
func batchNormForward(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (y: [[Float]], mean: [Float], variance: [Float]) {
    // TODO: statistics of each column, then normalize, scale and shift.
    return (x, [], [])
}

/// The gradients of the training-mode forward pass above, given `g = ∂L/∂y` (`[n][c]`).
/// With `x̂` the normalized input, `r = 1/√(variance + epsilon)` and `d = g · gamma` per column:
///
/// - `dx[i][c] = (r / n) · (n·d[i][c] − Σ_k d[k][c] − x̂[i][c] · Σ_k d[k][c]·x̂[k][c])`
/// - `dGamma[c] = Σ_i g[i][c] · x̂[i][c]`
/// - `dBeta[c] = Σ_i g[i][c]`
func batchNormBackward(_ x: [[Float]], gamma: [Float], upstream g: [[Float]], epsilon: Float)
    -> (dx: [[Float]], dGamma: [Float], dBeta: [Float]) {
    // TODO: recompute x̂ and r from x, then the three gradients.
    return (g, [], [])
}
