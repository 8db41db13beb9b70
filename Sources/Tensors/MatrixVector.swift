import COpenBLAS

extension Tensor {
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
