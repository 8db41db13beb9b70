import Tensors

/// The upper Cholesky factor of a matrix's inverse, as GPTQ needs it: `U` with `H⁻¹ = UᵀU`.
///
/// ```
/// H⁻¹ from H = L·Lᵀ   (Cholesky.inverse)
/// H⁻¹ = Uᵀ·U          (Cholesky.upperFactor) → row i of U holds the updates that column i's
///                                              rounding error sends to the columns after it
/// ```
/// Everything is in double precision, as in the reference: the inverse of a damped Hessian can
/// be badly conditioned.
enum CholeskyInverse {
    /// `matrix` is `n × n`, symmetric, row-major. Returns `U` row-major (zeros below the diagonal).
    static func upperFactorOfInverse(_ matrix: [Double], n: Int) throws -> [Double] {
        precondition(matrix.count == n * n, "CholeskyInverse: \(matrix.count) values for a \(n)×\(n) matrix")
        do {
            return try Cholesky.upperFactor(Cholesky.inverse(matrix, n: n), n: n)
        } catch {
            throw QuantizationError.hessianNotPositiveDefinite(column: error.column)
        }
    }

    /// ``upperFactorOfInverse(_:n:)`` from the readable loops: the plain GPTQ uses it.
    static func upperFactorOfInverseReference(_ matrix: [Double], n: Int) throws -> [Double] {
        do {
            return try Cholesky.upperFactorReference(Cholesky.inverseReference(matrix, n: n), n: n)
        } catch {
            throw QuantizationError.hessianNotPositiveDefinite(column: error.column)
        }
    }
}
