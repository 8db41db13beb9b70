import COpenBLAS

/// Double-precision matrix kernels for the algorithms that need the digits (GPTQ's Hessian,
/// its error feedback, output-error measurements): one OpenBLAS call each, with the readable
/// loops beside them that the tests check the fast paths against.
///
/// ```
/// gemm:     C = α · op(A) · op(B) + β · C       op(A) [m, k], op(B) [k, n], C [m, n]
/// addGram:  C += XᵀX (upper triangle)           X [n, k], C [k, k]
/// ```
/// Matrices are row-major; `lda`, `ldb`, `ldc` are the row lengths of the buffers they sit in,
/// so a sub-matrix (GPTQ's `U[block, rest]`) is read in place.
///
/// ```swift
/// Float64Kernels.gemm(transposeA: false, transposeB: true, m: 2, n: 3, k: 4,
///                     a: a, lda: 4, b: b, ldb: 4, c: &c, ldc: 3, beta: 0)   // C = A·Bᵀ
/// ```
public enum Float64Kernels {
    // ANCHOR: dgemm
    /// `C = alpha · op(A) · op(B) + beta · C`, a thin wrapper over `cblas_dgemm`.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double = 1,
                            a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                            c: UnsafeMutablePointer<Double>, ldc: Int, beta: Double) {
        guard m > 0 && n > 0 else { return }
        cblas_dgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
    // ANCHOR_END: dgemm

    /// The definition of ``gemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:c:ldc:beta:)``,
    /// written out: `C[i, j] = α · Σₚ op(A)[i, p] · op(B)[p, j] + β · C[i, j]`.
    public static func gemmReference(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double = 1,
                                     a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                                     c: UnsafeMutablePointer<Double>, ldc: Int, beta: Double) {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    let aip = transposeA ? a[p * lda + i] : a[i * lda + p]
                    let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]
                    sum += aip * bpj
                }
                // β = 0 overwrites (C may hold anything, NaN included), as BLAS does.
                c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
    }

    /// `C += XᵀX` for `X` `[n, k]` row-major, into the upper triangle of the `[k, k]` row-major
    /// `C` (the lower triangle is left alone): one `cblas_dsyrk`, half the work of a GEMM.
    public static func addGram(_ x: [Double], rows n: Int, columns k: Int, into c: inout [Double]) {
        precondition(x.count == n * k && c.count == k * k, "addGram: \(x.count) values for X [\(n), \(k)], \(c.count) for C [\(k), \(k)]")
        guard n > 0 && k > 0 else { return }
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(k), Int32(n), 1, x, Int32(k), 1, &c, Int32(k))
    }

    /// ``addGram(_:rows:columns:into:)`` written out: `C[i, j] += Σ_s X[s, i] · X[s, j]` for `i ≤ j`.
    public static func addGramReference(_ x: [Double], rows n: Int, columns k: Int, into c: inout [Double]) {
        precondition(x.count == n * k && c.count == k * k, "addGramReference: \(x.count) values for X [\(n), \(k)], \(c.count) for C [\(k), \(k)]")
        for i in 0..<k {
            for j in i..<k {
                var sum = 0.0
                for s in 0..<n { sum += x[s * k + i] * x[s * k + j] }
                c[i * k + j] += sum
            }
        }
    }
}

extension Float64Kernels {
    /// Array convenience for ``gemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:c:ldc:beta:)`` on
    /// whole, densely packed matrices.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double = 1,
                            a: [Double], b: [Double], c: inout [Double], beta: Double) {
        precondition(a.count >= m * k && b.count >= k * n && c.count >= m * n,
                     "Float64Kernels.gemm: \(a.count), \(b.count), \(c.count) values for [\(m), \(k)] · [\(k), \(n)]")
        let (lda, ldb) = (transposeA ? m : k, transposeB ? k : n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                         a: pa.baseAddress!, lda: Swift.max(lda, 1), b: pb.baseAddress!, ldb: Swift.max(ldb, 1),
                         c: pc.baseAddress!, ldc: n, beta: beta)
                }
            }
        }
    }
}
