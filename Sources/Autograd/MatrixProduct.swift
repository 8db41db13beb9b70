import Tensors

/// Matrix products and their gradients.
///
/// For `C = A·B` with `A: [M, K]`, `B: [K, N]` and incoming gradient `G = ∂L/∂C: [M, N]`:
/// `∂L/∂A = G·Bᵀ` (`[M, K]`) and `∂L/∂B = Aᵀ·G` (`[K, N]`). Both are GEMMs with a transpose
/// flag; no transposed copy is ever built.
extension Variable {
    // ANCHOR: matmul
    /// `[…, M, K] · [K, N]` or batched `[…, M, K] · […, K, N]`. Optional transposes of either
    /// operand's last two axes (e.g. `q.matmul(k, transposeOther: true)` for attention scores).
    public func matmul(_ other: Variable, transposeSelf: Bool = false, transposeOther: Bool = false) -> Variable {
        let a = self, b = other
        let out = a.value.matmul(b.value, transposeSelf: transposeSelf, transposeOther: transposeOther)
        return Variable(out, operation: "matmul", parents: [a, b]) { g in
            if a.requiresGrad {
                // dA = G·op(B)ᵀ, or (for Aᵀ) op(B)·Gᵀ = (G·op(B)ᵀ)ᵀ.
                let da = transposeSelf
                    ? b.value.matmul(g, transposeSelf: transposeOther, transposeOther: true)
                    : g.matmul(b.value, transposeOther: !transposeOther)
                a.accumulateGrad(da)
            }
            if b.requiresGrad {
                // dB = op(A)ᵀ·G, or (for Bᵀ) Gᵀ·op(A).
                if b.value.rank == 2 && a.value.rank > 2 && !transposeSelf {
                    // A shared weight: fold the batch axes into rows, one GEMM sums over them.
                    let k = a.value.shape[a.value.rank - 1], n = g.shape[g.rank - 1]
                    let rowsA = a.value.reshaped([-1, k]), rowsG = g.reshaped([-1, n])
                    b.accumulateGrad(transposeOther ? rowsG.matmul(rowsA, transposeSelf: true)
                                                    : rowsA.matmul(rowsG, transposeSelf: true))
                    return
                }
                var db = transposeOther
                    ? g.matmul(a.value, transposeSelf: true, transposeOther: transposeSelf)
                    : a.value.matmul(g, transposeSelf: !transposeSelf)
                if db.shape != b.shape { db = db.sum(toShape: b.shape) }
                b.accumulateGrad(db)
            }
        }
    }
    // ANCHOR_END: matmul
}
