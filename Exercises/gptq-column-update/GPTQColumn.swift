import Foundation
import LLMCourseKit

/// One step of GPTQ's inner loop, on the current block of weights.
///
/// - `block`: the block's weights, `block[r][j]` = row `r`, column `j` of the block (updated in place).
/// - `i`: the column of the block to quantize now (columns before it are already done).
/// - `uRow`: row `i` of the block's part of the upper Cholesky factor of `H⁻¹`
///   (`uRow[j]` for `j` in the block; `uRow[i]` is the diagonal entry `d`).
/// - `quantize(w, r)`: the nearest grid value of `w` in row `r`.
///
/// For each row: `q = quantize(w, r)`, `e = (w − q) / d`, then every column `j ≥ i` of that row
/// becomes `block[r][j] − e · uRow[j]`. Returns the quantized values and the scaled errors `e`.
func gptqColumnStep(block: inout [[Double]], column i: Int, uRow: [Double],
                    quantize: (Double, Int) -> Double) -> (quantized: [Double], errors: [Double]) {
    // TODO: quantize column i of every row, compute its error divided by d = uRow[i],
    // and subtract error · uRow[j] from columns j = i, i+1, … of the same row.
    return (block.map { $0[i] }, block.map { _ in 0 })
}
