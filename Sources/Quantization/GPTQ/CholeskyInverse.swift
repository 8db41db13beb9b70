import COpenBLAS

/// The upper Cholesky factor of a matrix's inverse, as GPTQ needs it: `U` with `H⁻¹ = UᵀU`.
///
/// ```
/// H = L·Lᵀ            (dpotrf, lower)
/// H⁻¹ from L          (dpotri)
/// H⁻¹ = Uᵀ·U          (dpotrf, upper)  → row i of U holds the updates that column i's
///                                         rounding error sends to the columns after it
/// ```
/// Everything is in double precision through LAPACK (shipped with OpenBLAS), as in the
/// reference: the inverse of a damped Hessian can be badly conditioned.
enum CholeskyInverse {
    /// `matrix` is `n × n`, symmetric, row-major. Returns `U` row-major (zeros below the diagonal).
    static func upperFactorOfInverse(_ matrix: [Double], n: Int) throws -> [Double] {
        precondition(matrix.count == n * n, "CholeskyInverse: \(matrix.count) values for a \(n)×\(n) matrix")
        var a = matrix   // symmetric, so row- and column-major read the same
        var size = Int32(n), lda = Int32(max(n, 1)), info: Int32 = 0
        var lower = Int8(UInt8(ascii: "L")), upper = Int8(UInt8(ascii: "U"))
        dpotrf_(&lower, &size, &a, &lda, &info)
        if info > 0 { throw QuantizationError.hessianNotPositiveDefinite(column: Int(info) - 1) }
        dpotri_(&lower, &size, &a, &lda, &info)
        if info > 0 { throw QuantizationError.hessianNotPositiveDefinite(column: Int(info) - 1) }
        // dpotri filled the lower triangle (column-major); mirror it so the matrix is whole.
        for j in 0..<n { for i in (j + 1)..<max(n, j + 1) { a[j + i * n] = a[i + j * n] } }
        dpotrf_(&upper, &size, &a, &lda, &info)
        if info > 0 { throw QuantizationError.hessianNotPositiveDefinite(column: Int(info) - 1) }
        // Column-major upper U(i, j) sits at a[i + j·n]; hand it back row-major.
        var u = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { u[i * n + j] = a[i + j * n] } }
        return u
    }
}
