import LLMCourseKit

/// Spectral-signature outlier scores (Tran, Li & Mądry 2018). `representations` is [n, d]: one
/// row per training example of one label, n ≥ 1, every row of length d.
///
///     μ  = mean of the rows                               [d]
///     M  = rows − μ                                       [n, d]
///     v  = top right singular vector of M                 [d], unit length
///          (the top eigenvector of Mᵀ·M, [d, d]: power iteration finds it)
///     sᵢ = ((rowᵢ − μ)·v)²                                [n]
///
/// Return the n scores in the order of the rows. The sign of v does not matter.
func spectralScores(_ representations: [[Double]]) -> [Double] {
    // TODO: the mean row, and the centered rows M.
    // TODO: Mᵀ·M, then power iteration: v ← (Mᵀ·M)·v / |(Mᵀ·M)·v|, a few hundred times.
    // TODO: each centered row's squared dot product with v.
    return representations.map { _ in 0 }
}
