/// GPTQ written plainly: rows as arrays, every product as loops, the Cholesky factor from the
/// readable loops in `Tensors` — the same algorithm as ``GPTQ/quantize(weight:rows:columns:hessian:configuration:)``
/// step for step, including the blocks (group parameters are read from W as it stood when the
/// block began, as the reference code does). Slow; the tests hold the fast version to it.
///
/// ```
/// for each block [i1, i2):   W1 = W[:, i1..<i2]
///     for each column j = i1 + i:   (q, e) = columnStep(W1, i, U[j, i1..<i2])
///     W[:, i2:] −= E · U[i1..<i2, i2:]              E [rows, i2 − i1]
/// ```
///
/// ```swift
/// let plain = try GPTQReference.quantize(weight: w, rows: m, columns: k, hessian: h, configuration: configuration)
/// ```
public enum GPTQReference {
    public static func quantize(weight: [Double], rows: Int, columns: Int, hessian: [Double],
                                configuration c: GPTQConfiguration) throws -> GPTQResult {
        try GPTQ.validate(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: c)
        var layer = try GPTQPreparedLayer(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: c,
                                          factor: CholeskyInverse.upperFactorOfInverseReference)
        var groups = GPTQGroups(layer, configuration: c)
        var q = [Double](repeating: 0, count: rows * columns), codes = [Int32](repeating: 0, count: rows * columns)
        var loss = 0.0
        for i1 in stride(from: 0, to: columns, by: c.blockSize) {
            let i2 = min(i1 + c.blockSize, columns)
            var block = (0..<rows).map { r in (i1..<i2).map { layer.w[r * columns + $0] } }
            var errors = [[Double]](repeating: [], count: rows)   // E, row by row
            for column in i1..<i2 {
                groups.select(column: column, in: layer)
                let quantizer = groups.current
                let uRow = Array(layer.u[(column * columns + i1)..<(column * columns + i2)])
                let before = block.map { $0[column - i1] }
                let step = columnStep(block: &block, column: column - i1, uRow: uRow) { x, r in
                    quantizer.value(ofCode: quantizer.code(x, row: r), row: r)
                }
                for r in 0..<rows {
                    q[r * columns + column] = step.quantized[r]
                    codes[r * columns + column] = Int32(quantizer.code(before[r], row: r))
                    loss += step.errors[r] * step.errors[r] / 2   // (w − q)² / (2·U_jj²)
                    errors[r].append(step.errors[r])
                }
            }
            // The error the rest of W still has to receive: W[:, i2:] −= E · U[i1..<i2, i2:].
            for r in 0..<rows {
                for j in i2..<columns {
                    var sum = 0.0
                    for p in 0..<(i2 - i1) { sum += errors[r][p] * layer.u[(i1 + p) * columns + j] }
                    layer.w[r * columns + j] -= sum
                }
            }
        }
        let (scales, zeros) = groups.stored(for: layer)
        if c.actOrder {
            let inverse = GPTQ.inversePermutation(layer.permutation)
            q = GPTQ.permuteColumns(q, rows: rows, columns: columns, by: inverse)
            codes = GPTQ.permuteColumns(codes, rows: rows, columns: columns, by: inverse)
        }
        return GPTQResult(rows: rows, columns: columns, dequantized: q, codes: codes, scales: scales, zeros: zeros,
                          permutation: layer.permutation, loss: loss)
    }

    // ANCHOR: gptq-column-step
    /// One column of GPTQ's loop: quantize column `i` of `block` (rows of
    /// the current block of W) and spread each row's scaled error over the
    /// block's columns from `i` on.
    ///
    /// `uRow` is row j of U inside the block (`uRow[i]` = U[j, j]);
    /// `quantize(x, r)` rounds x on row r's grid. Per row:
    /// e = (x − quant(x)) / U[j, j],  W1[r, i:] −= e · U[j, i:].
    public static func columnStep(block: inout [[Double]], column i: Int, uRow: [Double],
                                  quantize: (Double, Int) -> Double) -> (quantized: [Double], errors: [Double]) {
        let d = uRow[i]
        var quantized: [Double] = [], errors: [Double] = []
        for r in block.indices {
            let x = block[r][i]
            let value = quantize(x, r)
            let e = (x - value) / d
            for j in i..<block[r].count { block[r][j] -= e * uRow[j] }
            quantized.append(value)
            errors.append(e)
        }
        return (quantized, errors)
    }
    // ANCHOR_END: gptq-column-step
}
