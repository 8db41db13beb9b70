/// GPTQ's inputs made ready for the column loop (the reference's steps before it): per-row
/// parameters from the untouched weights, dead inputs zeroed, static group parameters, the
/// act-order permutation, dampening, and the upper Cholesky factor of the damped inverse
/// Hessian.
///
/// ```
/// dead inputs (H_jj = 0): H_jj = 1, W[:, j] = 0
/// act-order:  π sorts the columns by decreasing H_jj;  W ← W[:, π],  H ← H[π, π]
/// H += damp·mean(diag H)·I;   U = chol(H⁻¹)ᵀ upper, so H⁻¹ = UᵀU
/// ```
/// Shapes: `w` `[rows, columns]`, `u` `[columns, columns]`, both row-major and in
/// quantization order (`permutation[j]` is the original column of column `j`).
struct GPTQPreparedLayer {
    let rows: Int
    let columns: Int
    /// The weights the column loop works on; the lazy batch updates write into it.
    var w: [Double]
    let u: [Double]
    let permutation: [Int]
    /// One scale and zero point per row from all the original columns: used without groups.
    let rowQuantizer: MinMaxQuantizer
    /// With static groups: every group's parameters, from the weights in their original order.
    let staticGroups: [MinMaxQuantizer]

    /// `factor` turns the damped Hessian into `U` (the fast LAPACK path or the readable loops).
    init(weight: [Double], rows: Int, columns: Int, hessian: [Double], configuration c: GPTQConfiguration,
         factor: ([Double], Int) throws -> [Double] = CholeskyInverse.upperFactorOfInverse) throws {
        var w = weight, h = hessian
        // Per-row parameters come from the untouched weights, before dead inputs are zeroed.
        rowQuantizer = MinMaxQuantizer(weight: w, rows: rows, columns: columns, bits: c.bits, symmetric: c.symmetric)
        // ANCHOR: gptq-dead-damp
        for j in 0..<columns where h[j * columns + j] == 0 {
            h[j * columns + j] = 1
            for r in 0..<rows { w[r * columns + j] = 0 }
        }
        var staticGroups: [MinMaxQuantizer] = []
        if let g = c.groupSize, c.staticGroups {
            staticGroups = w.withUnsafeBufferPointer { p in
                stride(from: 0, to: columns, by: g).map {
                    MinMaxQuantizer(p.baseAddress!, rows: rows, width: columns, columns: $0..<($0 + g), bits: c.bits, symmetric: c.symmetric)
                }
            }
        }
        var permutation = Array(0..<columns)
        if c.actOrder {
            permutation.sort { h[$0 * columns + $0] > h[$1 * columns + $1] || (h[$0 * columns + $0] == h[$1 * columns + $1] && $0 < $1) }
            w = GPTQ.permuteColumns(w, rows: rows, columns: columns, by: permutation)
            h = GPTQ.permuteSymmetric(h, n: columns, by: permutation)
        }
        let meanDiagonal = (0..<columns).reduce(0.0) { $0 + h[$1 * columns + $1] } / Double(columns)
        for j in 0..<columns { h[j * columns + j] += c.dampening * meanDiagonal }
        let u = try factor(h, columns)
        // ANCHOR_END: gptq-dead-damp
        (self.rows, self.columns, self.w, self.u) = (rows, columns, w, u)
        (self.permutation, self.staticGroups) = (permutation, staticGroups)
    }
}
