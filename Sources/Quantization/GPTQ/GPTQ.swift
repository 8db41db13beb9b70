import COpenBLAS

/// GPTQ (Frantar et al. 2022, "GPTQ: Accurate Post-Training Quantization for Generative
/// Pre-trained Transformers"): quantise a linear layer's weights one column at a time, and after
/// each column spread its rounding error over the columns not yet quantised so the layer's
/// *output* on calibration data changes as little as possible.
///
/// ```
/// W [rows, k]   H = 2/n·XᵀX [k, k]   (X: calibration inputs of the layer, [n, k])
/// dead inputs (H_jj = 0): H_jj = 1, W[:, j] = 0
/// H += damp·mean(diag H)·I;   U = chol(H⁻¹)ᵀ upper, so H⁻¹ = UᵀU
/// for each block of B columns, for each column j in it:
///     q_j  = quant(w_j)                       (group parameters found when a group starts)
///     e_j  = (w_j − q_j) / U_jj
///     W[:, j:block end] −= e_j · U[j, j:block end]
/// then   W[:, block end:] −= E_block · U[block, block end:]      (one matrix product)
/// ```
public enum GPTQ {
    /// Quantises `weight` (`[rows, columns]`, row-major, `nn.Linear` layout: one row per output)
    /// given the layer's Hessian `[columns, columns]`.
    public static func quantize(weight: [Double], rows: Int, columns: Int, hessian: [Double],
                                configuration c: GPTQConfiguration) throws -> GPTQResult {
        try c.validate(columns: columns)
        guard weight.count == rows * columns, hessian.count == columns * columns else {
            throw QuantizationError.shapeMismatch("weight \(weight.count) values for [\(rows), \(columns)], Hessian \(hessian.count) for [\(columns), \(columns)]")
        }
        try requireFinite(weight, "the weight")
        try requireFinite(hessian, "the Hessian")
        var w = weight, h = hessian
        // Per-row parameters come from the untouched weights, before dead inputs are zeroed.
        let rowQuantizer = w.withUnsafeBufferPointer {
            MinMaxQuantizer($0.baseAddress!, rows: rows, width: columns, columns: 0..<columns, bits: c.bits, symmetric: c.symmetric)
        }
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
            w = permuteColumns(w, rows: rows, columns: columns, by: permutation)
            h = permuteSymmetric(h, n: columns, by: permutation)
        }
        let meanDiagonal = (0..<columns).reduce(0.0) { $0 + h[$1 * columns + $1] } / Double(columns)
        for j in 0..<columns { h[j * columns + j] += c.dampening * meanDiagonal }
        let u = try CholeskyInverse.upperFactorOfInverse(h, n: columns)
        // ANCHOR_END: gptq-dead-damp

        var q = [Double](repeating: 0, count: rows * columns)
        var codes = [Int32](repeating: 0, count: rows * columns)
        var scales: [Double] = [], zeros: [Double] = []
        var loss = 0.0
        var quantizer = rowQuantizer
        let groupCount = c.groupSize.map { columns / $0 } ?? 1
        if c.groupSize == nil { scales = rowQuantizer.scales; zeros = rowQuantizer.zeros }

        for i1 in stride(from: 0, to: columns, by: c.blockSize) {
            let i2 = min(i1 + c.blockSize, columns), count = i2 - i1
            var block = [Double](repeating: 0, count: rows * count)   // W[:, i1..<i2]
            var errors = [Double](repeating: 0, count: rows * count)
            for r in 0..<rows { for j in 0..<count { block[r * count + j] = w[r * columns + i1 + j] } }
            for i in 0..<count {
                let column = i1 + i
                if let g = c.groupSize {
                    if c.staticGroups {
                        quantizer = staticGroups[permutation[column] / g]
                    } else if column % g == 0 {
                        // Read from W as it stood when this block began (the reference's behaviour).
                        quantizer = w.withUnsafeBufferPointer {
                            MinMaxQuantizer($0.baseAddress!, rows: rows, width: columns, columns: column..<(column + g),
                                            bits: c.bits, symmetric: c.symmetric)
                        }
                        scales += quantizer.scales; zeros += quantizer.zeros
                    }
                }
                let d = u[column * columns + column]
                u.withUnsafeBufferPointer { up in
                    block.withUnsafeMutableBufferPointer { bp in
                        let uRow = up.baseAddress! + column * columns + i1   // U[column, i1...]
                        // ANCHOR: gptq-column
                        for r in 0..<rows {
                            let wRow = bp.baseAddress! + r * count            // W1[r, ...]
                            let x = wRow[i]
                            let code = quantizer.code(x, row: r)
                            let value = quantizer.value(ofCode: code, row: r)
                            q[r * columns + column] = value
                            codes[r * columns + column] = Int32(code)
                            loss += (x - value) * (x - value) / (d * d) / 2
                            let e = (x - value) / d
                            errors[r * count + i] = e
                            // Spread the error over the rest of the block: W1[r, i:] −= e · U[column, i:]
                            for j in i..<count { wRow[j] -= e * uRow[j] }
                        }
                        // ANCHOR_END: gptq-column
                    }
                }
            }
            // The lazy batch update: W[:, i2:] −= E · U[i1..<i2, i2:].
            if i2 < columns {
                u.withUnsafeBufferPointer { up in
                    w.withUnsafeMutableBufferPointer { wp in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(columns - i2), Int32(count),
                                    -1, errors, Int32(count), up.baseAddress! + i1 * columns + i2, Int32(columns),
                                    1, wp.baseAddress! + i2, Int32(columns))
                    }
                }
            }
        }
        if c.groupSize != nil && !c.staticGroups {
            // Parameters were appended group by group as [groups][rows]; store them [rows][groups].
            scales = transpose(scales, rows: groupCount, columns: rows)
            zeros = transpose(zeros, rows: groupCount, columns: rows)
        } else if let g = c.groupSize {
            scales = (0..<rows).flatMap { r in (0..<columns / g).map { staticGroups[$0].scales[r] } }
            zeros = (0..<rows).flatMap { r in (0..<columns / g).map { staticGroups[$0].zeros[r] } }
        }
        if c.actOrder {
            let inverse = inversePermutation(permutation)
            q = permuteColumns(q, rows: rows, columns: columns, by: inverse)
            codes = permuteColumns(codes, rows: rows, columns: columns, by: inverse)
        }
        return GPTQResult(rows: rows, columns: columns, dequantized: q, codes: codes, scales: scales, zeros: zeros,
                          permutation: permutation, loss: loss)
    }

    /// `U` with `(H + damp·mean(diag H)·I)⁻¹ = UᵀU`, row-major upper triangular: the matrix the
    /// column loop reads (no dead-input handling or reordering).
    public static func inverseHessianFactor(_ hessian: [Double], n: Int, dampening: Double = 0.01) throws -> [Double] {
        var h = hessian
        let mean = (0..<n).reduce(0.0) { $0 + h[$1 * n + $1] } / Double(n)
        for j in 0..<n { h[j * n + j] += dampening * mean }
        return try CholeskyInverse.upperFactorOfInverse(h, n: n)
    }

    /// Round-to-nearest with the same quantiser and groups (no error feedback): the baseline GPTQ beats.
    public static func roundToNearest(weight: [Double], rows: Int, columns: Int,
                                      configuration c: GPTQConfiguration) throws -> (dequantized: [Double], codes: [Int32]) {
        try c.validate(columns: columns)
        try requireFinite(weight, "the weight")
        let g = c.groupSize ?? columns
        var q = weight, codes = [Int32](repeating: 0, count: weight.count)
        for start in stride(from: 0, to: columns, by: g) {
            let quantizer = weight.withUnsafeBufferPointer {
                MinMaxQuantizer($0.baseAddress!, rows: rows, width: columns, columns: start..<(start + g), bits: c.bits, symmetric: c.symmetric)
            }
            for r in 0..<rows {
                for j in start..<(start + g) {
                    let code = quantizer.code(weight[r * columns + j], row: r)
                    codes[r * columns + j] = Int32(code)
                    q[r * columns + j] = quantizer.value(ofCode: code, row: r)
                }
            }
        }
        return (q, codes)
    }

    /// `‖(W − Q)·Xᵀ‖²_F`: how much the layer's outputs on `x [n, columns]` move.
    public static func outputError(weight: [Double], quantized: [Double], rows: Int, columns: Int, inputs x: [Double]) -> Double {
        let n = x.count / columns
        let difference = zip(weight, quantized).map { $0 - $1 }
        var out = [Double](repeating: 0, count: rows * n)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(n), Int32(columns),
                    1, difference, Int32(columns), x, Int32(columns), 0, &out, Int32(n))
        return out.reduce(0) { $0 + $1 * $1 }
    }

    static func permuteColumns<T>(_ m: [T], rows: Int, columns: Int, by order: [Int]) -> [T] {
        var out = m
        for r in 0..<rows { for j in 0..<columns { out[r * columns + j] = m[r * columns + order[j]] } }
        return out
    }

    static func permuteSymmetric(_ m: [Double], n: Int, by order: [Int]) -> [Double] {
        var out = m
        for i in 0..<n { for j in 0..<n { out[i * n + j] = m[order[i] * n + order[j]] } }
        return out
    }

    static func inversePermutation(_ p: [Int]) -> [Int] {
        var inverse = p
        for (i, j) in p.enumerated() { inverse[j] = i }
        return inverse
    }

    static func transpose(_ m: [Double], rows: Int, columns: Int) -> [Double] {
        var out = m
        for i in 0..<rows { for j in 0..<columns { out[j * rows + i] = m[i * columns + j] } }
        return out
    }
}
