import COpenBLAS

/// Matrix–vector products: `y = α · A · x + β · y`, one `cblas_sgemv`, with the loop beside it.
///
/// For `A` `[m, n]` (row-major, rows `lda` apart) and `x` `[n]`, `y` `[m]`:
/// `y[i] = α · Σⱼ A[i, j] · x[j] + β · y[i]`. Decoding with a KV cache multiplies one row by
/// every weight matrix; as a GEMV each weight row is read once, with no packing.
///
/// ```swift
/// Tensor.gemv(m: out, n: in, a: w, lda: in, x: row, beta: 0, y: result)   // result = W·row
/// ```
extension Tensor {
    public static func gemv(m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                            x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>) {
        guard m > 0 else { return }
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(n), alpha, a, Int32(Swift.max(lda, 1)), x, 1, beta, y, 1)
    }

    /// ``gemv(m:n:alpha:a:lda:x:beta:y:)`` written out, one dot product per row.
    public static func gemvReference(m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                                     x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>) {
        for i in 0..<m {
            var sum: Float = 0
            for j in 0..<n { sum += a[i * lda + j] * x[j] }
            // β = 0 overwrites whatever y held, as BLAS does.
            y[i] = alpha * sum + (beta == 0 ? 0 : beta * y[i])
        }
    }

    // ANCHOR: gemv
    /// `y = alpha · op(A) · x + beta · y` for a row-major, densely packed `[m, n]` matrix `A`,
    /// where `op(A)` is `A` (`x` has `n` elements, `y` has `m`) or `Aᵀ` (`x` has `m`, `y` has `n`).
    /// A thin wrapper over `cblas_sgemv`.
    ///
    /// Use it rather than ``gemm(transposeA:transposeB:m:n:k:alpha:a:b:c:beta:)`` with one
    /// column: `sgemm` first packs (copies) its operands into blocks, which for a single vector
    /// costs a whole extra pass over the matrix; `sgemv` streams the matrix once.
    ///
    /// ```swift
    /// Tensor.gemv(transpose: false, m: rows, n: columns, a: matrix, x: query, y: scores, beta: 0)
    /// ```
    public static func gemv(transpose: Bool, m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>,
                            x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, beta: Float) {
        guard m > 0 && n > 0 else { return }
        cblas_sgemv(CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), alpha,
                    a, Int32(n), x, 1, beta, y, 1)
    }
    // ANCHOR_END: gemv
}
