import Foundation

/// Eigenvalues and eigenvectors of a symmetric matrix by power iteration, and the next ones by
/// deflation.
///
/// ```
/// v ← A·v / |A·v|            repeated: v turns towards the eigenvector of the largest |λ|
/// λ = vᵀ·A·v                  the Rayleigh quotient, for unit v
/// A ← A − λ·v·vᵀ              deflation: removes that direction; the next run finds the next one
/// ```
///
/// Writing the start vector in the eigenbasis, v₀ = Σ c_i·u_i, after k products
/// A^k·v₀ = Σ c_i·λ_i^k·u_i: every other direction shrinks relative to u₁ by (λ_i/λ₁)^k, so the
/// error falls like |λ₂/λ₁|^k. `A` is [n, n] row-major, symmetric; vectors are [n].
///
/// ```swift
/// let a: [[Double]] = [[2, 1], [1, 2]]
/// let top = PowerIteration.dominant(a, start: [1, 0])   // λ ≈ 3, v ≈ ±[0.707, 0.707]
/// let both = PowerIteration.top(2, of: a)                // λ ≈ 3, then 1
/// ```
public enum PowerIteration {
    /// A·v for A [n, n] and v [n].
    public static func apply(_ a: [[Double]], _ v: [Double]) -> [Double] {
        a.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    // ANCHOR: power-iteration
    /// The eigenpair of largest |λ|: multiply by A and renormalize until the
    /// vector stops turning (change below `tolerance`) or `iterations` run out.
    /// The sign is fixed so the largest entry is positive.
    public static func dominant(_ a: [[Double]], start: [Double], iterations: Int = 1_000,
                                tolerance: Double = 1e-12)
        -> (value: Double, vector: [Double], iterations: Int) {
        var v = start.map { $0 / norm(start) }
        var used = 0
        for _ in 0..<iterations {
            let av = apply(a, v)
            let length = norm(av)
            if length == 0 { break }            // v is in A's null space
            var next = av.map { $0 / length }
            // A negative λ flips the sign every step; compare up to sign.
            if zip(next, v).reduce(0, { $0 + $1.0 * $1.1 }) < 0 { next = next.map { -$0 } }
            let change = norm(zip(next, v).map { $0 - $1 })
            v = next
            used += 1
            if change < tolerance { break }
        }
        let lambda = rayleighQuotient(a, v)
        if let big = v.max(by: { abs($0) < abs($1) }), big < 0 { v = v.map { -$0 } }
        return (lambda, v, used)
    }

    /// vᵀ·A·v for a unit vector v: the eigenvalue when v is an eigenvector, and
    /// in error only by the square of v's error otherwise.
    public static func rayleighQuotient(_ a: [[Double]], _ v: [Double]) -> Double {
        zip(v, apply(a, v)).reduce(0) { $0 + $1.0 * $1.1 }
    }
    // ANCHOR_END: power-iteration

    // ANCHOR: deflation
    /// The `k` eigenpairs of largest |λ| of a symmetric A: find the dominant
    /// pair, subtract λ·v·vᵀ (which leaves the other eigenpairs untouched),
    /// repeat on what is left.
    public static func top(_ k: Int, of a: [[Double]], iterations: Int = 1_000,
                           tolerance: Double = 1e-12)
        -> [(value: Double, vector: [Double])] {
        var rest = a
        var pairs: [(value: Double, vector: [Double])] = []
        let n = a.count
        for j in 0..<min(k, n) {
            // A fixed start with every coordinate nonzero and no symmetry.
            let start = (0..<n).map { 1 + Double(($0 + j) % 7) / 10 }
            let (lambda, v, _) = dominant(rest, start: start, iterations: iterations, tolerance: tolerance)
            pairs.append((lambda, v))
            rest = deflate(rest, value: lambda, vector: v)
        }
        return pairs
    }

    /// A − λ·v·vᵀ for a unit eigenvector v of a symmetric A: v's eigenvalue becomes 0,
    /// every other eigenpair (orthogonal to v) stays as it was.
    public static func deflate(_ a: [[Double]], value lambda: Double, vector v: [Double]) -> [[Double]] {
        a.indices.map { r in a[r].indices.map { c in a[r][c] - lambda * v[r] * v[c] } }
    }
    // ANCHOR_END: deflation
}
