import LLMCourseKit

/// Filter normalization of a random direction (Li et al. 2018). `direction` and `weights` hold
/// the scalars of one parameter of shape `shape`, row-major.
///
/// - A parameter of rank ≥ 2 has `shape[0]` rows, each of `count / shape[0]` consecutive
///   scalars. Scale every row `d_i` of the direction by `‖θ_i‖ / (‖d_i‖ + 1e-10)`, where `θ_i`
///   is the same row of the weights, so the result's row has the weight row's length.
/// - A parameter of rank ≤ 1 (a bias, a normalization gain) gets a direction of zeros.
func filterNormalize(direction: [Float], weights: [Float], shape: [Int]) -> [Float] {
    // TODO: zeros for rank <= 1; otherwise, row by row, the two Euclidean norms and the scaled row.
    return direction
}
