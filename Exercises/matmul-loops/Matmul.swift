import LLMCourseKit

/// The product of an `[M, K]` matrix and a `[K, N]` matrix, each given as an array of rows.
///
/// `c[i][j]` is the sum over `p` of `a[i][p] * b[p][j]`.
func matmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    // TODO: build the [M, N] result with three nested loops.
    return []
}
