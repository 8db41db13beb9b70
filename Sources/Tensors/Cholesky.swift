import COpenBLAS

/// A matrix that is not symmetric positive definite: the Cholesky factorisation met a pivot
/// ≤ 0 at `column` (counting from 0).
public struct NotPositiveDefinite: Error, Equatable {
    public let column: Int

    public init(column: Int) { self.column = column }
}

/// Symmetric positive-definite matrices in double precision: the Cholesky factor and the
/// inverse, through LAPACK (shipped with OpenBLAS), with the readable loops beside them.
///
/// ```
/// A = UᵀU          U upper triangular          (dpotrf)
/// A⁻¹ = U⁻¹U⁻ᵀ     from the factor              (dpotrf, dpotri)
/// ```
/// `A` is `[n, n]`, symmetric, row-major (so row- and column-major read the same).
///
/// ```swift
/// let u = try Cholesky.upperFactor([4, 2, 2, 3], n: 2)    // [2, 1, 0, √2]
/// let inverse = try Cholesky.inverse([4, 2, 2, 3], n: 2)  // [0.375, −0.25, −0.25, 0.5]
/// ```
public enum Cholesky {
    /// `U` with `A = UᵀU`, row-major, zeros below the diagonal.
    public static func upperFactor(_ matrix: [Double], n: Int) throws(NotPositiveDefinite) -> [Double] {
        precondition(matrix.count == n * n, "Cholesky.upperFactor: \(matrix.count) values for a \(n)×\(n) matrix")
        var a = matrix
        try factorInPlace(&a, n: n, triangle: "U")
        // Column-major upper U(i, j) sits at a[i + j·n]; hand it back row-major.
        var u = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { u[i * n + j] = a[i + j * n] } }
        return u
    }

    /// `A⁻¹`, whole (both triangles), row-major.
    public static func inverse(_ matrix: [Double], n: Int) throws(NotPositiveDefinite) -> [Double] {
        precondition(matrix.count == n * n, "Cholesky.inverse: \(matrix.count) values for a \(n)×\(n) matrix")
        var a = matrix
        try factorInPlace(&a, n: n, triangle: "L")
        var size = Int32(n), lda = Int32(Swift.max(n, 1)), info: Int32 = 0
        var lower = Int8(UInt8(ascii: "L"))
        dpotri_(&lower, &size, &a, &lda, &info)
        if info > 0 { throw NotPositiveDefinite(column: Int(info) - 1) }
        // dpotri filled the lower triangle (column-major); mirror it so the matrix is whole.
        for j in 0..<n { for i in (j + 1)..<Swift.max(n, j + 1) { a[j + i * n] = a[i + j * n] } }
        return a
    }

    /// `dpotrf` on `a` (column-major, so row-major symmetric input reads the same): the factor
    /// in `triangle` ("U" or "L"), the other triangle left as it was.
    private static func factorInPlace(_ a: inout [Double], n: Int, triangle: Character) throws(NotPositiveDefinite) {
        var size = Int32(n), lda = Int32(Swift.max(n, 1)), info: Int32 = 0
        var which = Int8(triangle.asciiValue!)
        dpotrf_(&which, &size, &a, &lda, &info)
        if info > 0 { throw NotPositiveDefinite(column: Int(info) - 1) }
    }

    // ANCHOR: cholesky-reference
    /// ``upperFactor(_:n:)`` written out, row by row of U:
    /// `U[i, i] = √(A[i, i] − Σ_{p<i} U[p, i]²)`,
    /// `U[i, j] = (A[i, j] − Σ_{p<i} U[p, i]·U[p, j]) / U[i, i]` for `j > i`.
    public static func upperFactorReference(_ a: [Double], n: Int) throws(NotPositiveDefinite) -> [Double] {
        var u = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            var pivot = a[i * n + i]
            for p in 0..<i { pivot -= u[p * n + i] * u[p * n + i] }
            guard pivot > 0 else { throw NotPositiveDefinite(column: i) }
            u[i * n + i] = pivot.squareRoot()
            for j in (i + 1)..<Swift.max(n, i + 1) {
                var sum = a[i * n + j]
                for p in 0..<i { sum -= u[p * n + i] * u[p * n + j] }
                u[i * n + j] = sum / u[i * n + i]
            }
        }
        return u
    }
    // ANCHOR_END: cholesky-reference

    /// ``inverse(_:n:)`` written out: column j of A⁻¹ solves `UᵀU·x = e_j`, first `Uᵀy = e_j`
    /// (forward substitution), then `U·x = y` (back substitution).
    public static func inverseReference(_ a: [Double], n: Int) throws(NotPositiveDefinite) -> [Double] {
        let u = try upperFactorReference(a, n: n)
        var inverse = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = i == j ? 1.0 : 0
                for p in 0..<i { sum -= u[p * n + i] * y[p] }
                y[i] = sum / u[i * n + i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[i]
                for p in (i + 1)..<Swift.max(n, i + 1) { sum -= u[i * n + p] * inverse[p * n + j] }
                inverse[i * n + j] = sum / u[i * n + i]
            }
        }
        return inverse
    }
}
