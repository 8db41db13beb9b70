import Foundation
import LLMCourseKit

/// `iterations` steps of power iteration on the symmetric matrix `a` [n, n] from `start` [n]:
/// normalize `start`, then repeat `v ← A·v / |A·v|`. Returns the final unit vector [n], which
/// turns towards the eigenvector of the eigenvalue largest in magnitude.
func powerIteration(_ a: [[Double]], start: [Double], iterations: Int) -> [Double] {
    // TODO: normalize, then multiply by A and normalize, `iterations` times.
    return start
}

/// The Rayleigh quotient vᵀ·A·v of a unit vector `v`: the eigenvalue, when `v` is an eigenvector.
func rayleighQuotient(_ a: [[Double]], _ v: [Double]) -> Double {
    // TODO: multiply A by v, then take the dot product with v.
    return 0
}

/// Deflation: A − λ·v·vᵀ, the matrix with the eigenpair (λ, v) removed (its eigenvalue set to 0).
func deflate(_ a: [[Double]], value: Double, vector: [Double]) -> [[Double]] {
    // TODO: subtract value · vector[r] · vector[c] from every entry (r, c).
    return a
}
