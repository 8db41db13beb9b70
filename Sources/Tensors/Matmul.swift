import COpenBLAS

/// Matrix multiplication: one OpenBLAS `cblas_sgemm` call, with the readable triple loop beside it.
///
/// For `A: [M, K]` and `B: [K, N]`, `C = A·B` is `[M, N]` with `C[i, j] = Σₖ A[i, k] · B[k, j]`.
/// The transpose flags multiply by `Aᵀ` or `Bᵀ` without building the transposed copy —
/// backpropagation needs exactly those products (`dA = dC·Bᵀ`, `dB = Aᵀ·dC`).
extension Tensor {
    /// Matrix product of the last two axes.
    ///
    /// - `[M, K] · [K, N] → [M, N]`
    /// - `[…, M, K] · [K, N] → […, M, N]` (a shared right-hand matrix, e.g. a layer's weight)
    /// - `[…, M, K] · […, K, N] → […, M, N]` (batched; the leading axes must match)
    ///
    /// `transposeSelf` / `transposeOther` use the transposed last two axes of that operand.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        precondition(rank >= 2 && other.rank >= 2, "matmul: need rank ≥ 2, got \(shape) and \(other.shape)")
        let (rowsA, colsA) = (shape[rank - 2], shape[rank - 1])
        let (rowsB, colsB) = (other.shape[other.rank - 2], other.shape[other.rank - 1])
        let (m, k) = transposeSelf ? (colsA, rowsA) : (rowsA, colsA)
        let (k2, n) = transposeOther ? (colsB, rowsB) : (rowsB, colsB)
        precondition(k == k2, "matmul: inner dimensions differ: \(shape)\(transposeSelf ? "ᵀ" : "") · \(other.shape)\(transposeOther ? "ᵀ" : "")")
        let batchA = Array(shape.dropLast(2))
        // An empty inner dimension sums nothing: zeros (BLAS may leave C untouched when k = 0).
        if k == 0 {
            let batch = batchA.count >= other.shape.count - 2 ? batchA : Array(other.shape.dropLast(2))
            return Tensor.zeros(batch + [m, n])
        }
        let batchB = Array(other.shape.dropLast(2))
        var result = Tensor(shape: batchA.count >= batchB.count ? batchA + [m, n] : batchB + [m, n]) { _ in }
        // A stack of row-major A matrices sharing one B is a single tall GEMM.
        if batchB.isEmpty && !transposeSelf {
            result.scalars.withUnsafeMutableBufferPointer { c in
                Tensor.gemm(transposeA: false, transposeB: transposeOther, m: batchA.reduce(1, *) * m, n: n, k: k,
                            a: scalars, b: other.scalars, c: c.baseAddress!, beta: 0)
            }
            return result
        }
        let batches = batchA.reduce(1, *)
        precondition(batchA == batchB || batchA.isEmpty || batchB.isEmpty,
                     "matmul: batch axes \(batchA) and \(batchB) must match")
        let count = Swift.max(batches, batchB.reduce(1, *))
        let strideA = batchA.isEmpty ? 0 : m * k, strideB = batchB.isEmpty ? 0 : k * n
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                result.scalars.withUnsafeMutableBufferPointer { c in
                    for batch in 0..<count {
                        Tensor.gemm(transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k,
                                    a: a.baseAddress! + batch * strideA, b: b.baseAddress! + batch * strideB,
                                    c: c.baseAddress! + batch * m * n, beta: 0)
                    }
                }
            }
        }
        return result
    }

    // ANCHOR: gemm
    /// `C = alpha · op(A) · op(B) + beta · C` for row-major, densely packed matrices, where
    /// `op(A)` is `[m, k]` and `op(B)` is `[k, n]`. A thin wrapper over `cblas_sgemm`.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                            alpha: Float = 1, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                            c: UnsafeMutablePointer<Float>, beta: Float) {
        guard m > 0 && n > 0 else { return }
        // Leading dimension = row length of the matrix as stored.
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(Swift.max(lda, 1)), b, Int32(Swift.max(ldb, 1)),
                    beta, c, Int32(n))
    }
    // ANCHOR_END: gemm

    /// ``gemm(transposeA:transposeB:m:n:k:alpha:a:b:c:beta:)`` on sub-matrices of larger row-major
    /// buffers: `lda`, `ldb`, `ldc` are the row lengths of the buffers the matrices sit in.
    /// One head of attention reads its `[T, d]` query straight out of the fused `[T, 3C]`
    /// projection this way (`lda = 3C`), with no copy.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                            a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                            c: UnsafeMutablePointer<Float>, ldc: Int, beta: Float) {
        guard m > 0 && n > 0 else { return }
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Array convenience for ``gemm(transposeA:transposeB:m:n:k:alpha:a:b:c:beta:)``.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                            a: [Float], b: [Float], c: UnsafeMutablePointer<Float>, beta: Float) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                     a: pa.baseAddress!, b: pb.baseAddress!, c: c, beta: beta)
            }
        }
    }

    // ANCHOR: reference
    /// The definition, written out: `C[i, j] = Σₖ A[i, k] · B[k, j]` for `[M, K] · [K, N]`.
    /// About a hundred times slower than ``matmul(_:transposeSelf:transposeOther:)``; the
    /// tests check the fast path against it.
    public func matmulReference(_ other: Tensor) -> Tensor {
        precondition(rank == 2 && other.rank == 2 && shape[1] == other.shape[0],
                     "matmulReference: need [M, K] · [K, N], got \(shape) · \(other.shape)")
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        var c = Tensor.zeros([m, n])
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k { sum += scalars[i * k + p] * other.scalars[p * n + j] }
                c.scalars[i * n + j] = sum
            }
        }
        return c
    }
    // ANCHOR_END: reference
}

/// OpenBLAS thread control.
public enum BLAS {
    /// Threads OpenBLAS uses for one GEMM.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }
    /// Sets the OpenBLAS thread count (like `OPENBLAS_NUM_THREADS`, but at run time).
    public static func setThreadCount(_ n: Int) { openblas_set_num_threads(Int32(Swift.max(1, n))) }
    /// The CPU kernel family OpenBLAS picked at load time, e.g. `"Cooperlake"` or `"Haswell"`
    /// (`OPENBLAS_CORETYPE` overrides it).
    public static var coreName: String { String(cString: openblas_get_corename()) }
    /// OpenBLAS's build description (version, threading, maximum threads).
    public static var configuration: String { String(cString: openblas_get_config()) }
}

// OpenBLAS extensions not declared by the module's header.
@_silgen_name("openblas_get_corename") private func openblas_get_corename() -> UnsafePointer<CChar>
@_silgen_name("openblas_get_config") private func openblas_get_config() -> UnsafePointer<CChar>

extension Tensor {
    /// Sets the threads for all tensor work at once: OpenBLAS's GEMMs and the element-wise loops
    /// (``Parallel/threadCount``). Call it at start-up, before any work runs.
    public static func setThreadCount(_ n: Int) {
        BLAS.setThreadCount(n)
        Parallel.threadCount = Swift.max(1, n)
    }
}
