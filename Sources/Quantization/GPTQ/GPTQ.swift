import Tensors

/// GPTQ (Frantar et al. 2022, "GPTQ: Accurate Post-Training Quantization for Generative
/// Pre-trained Transformers"): quantize a linear layer's weights one column at a time, and after
/// each column spread its rounding error over the columns not yet quantized so the layer's
/// *output* on calibration data changes as little as possible.
///
/// ```
/// W [rows, k]   H = 2/n·XᵀX [k, k]   (X: calibration inputs of the layer, [n, k])
/// prepare:  dead inputs, act-order, dampening, U = chol(H⁻¹)ᵀ   (GPTQPreparedLayer)
/// for each block of B columns, for each column j in it:
///     q_j  = quant(w_j)                       (group parameters found when a group starts)
///     e_j  = (w_j − q_j) / U_jj
///     W[:, j:block end] −= e_j · U[j, j:block end]
/// then   W[:, block end:] −= E_block · U[block, block end:]      (one matrix product)
/// ```
///
/// ```swift
/// var h = HessianAccumulator(width: k)
/// try h.add(calibrationRows)                        // [n, k] activations
/// let result = try GPTQ.quantize(weight: w, rows: m, columns: k, hessian: h.hessian,
///                                configuration: GPTQConfiguration(bits: 4, groupSize: 128))
/// result.dequantized                                // [m, k], original column order
/// ```
/// ``GPTQReference`` computes the same with plain loops; the tests hold this one to it.
public enum GPTQ {
    /// Quantizes `weight` (`[rows, columns]`, row-major, `nn.Linear` layout: one row per output)
    /// given the layer's Hessian `[columns, columns]`.
    public static func quantize(weight: [Double], rows: Int, columns: Int, hessian: [Double],
                                configuration c: GPTQConfiguration) throws -> GPTQResult {
        try validate(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: c)
        var layer = try GPTQPreparedLayer(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: c)
        var groups = GPTQGroups(layer, configuration: c)
        var output = Output(rows: rows, columns: columns)
        for start in stride(from: 0, to: columns, by: c.blockSize) {
            let block = start..<min(start + c.blockSize, columns)
            let errors = quantizeBlock(block, of: layer, groups: &groups, into: &output)
            if block.upperBound < columns { spreadBlockError(errors, block: block, over: &layer) }
        }
        let (scales, zeros) = groups.stored(for: layer)
        var (q, codes) = (output.dequantized, output.codes)
        if c.actOrder {
            let inverse = inversePermutation(layer.permutation)
            q = permuteColumns(q, rows: rows, columns: columns, by: inverse)
            codes = permuteColumns(codes, rows: rows, columns: columns, by: inverse)
        }
        return GPTQResult(rows: rows, columns: columns, dequantized: q, codes: codes, scales: scales, zeros: zeros,
                          permutation: layer.permutation, loss: output.loss)
    }

    /// What the column loop writes: `[rows, columns]` values and codes in quantization order,
    /// and GPTQ's loss estimate.
    struct Output {
        var dequantized: [Double]
        var codes: [Int32]
        var loss = 0.0

        init(rows: Int, columns: Int) {
            dequantized = [Double](repeating: 0, count: rows * columns)
            codes = [Int32](repeating: 0, count: rows * columns)
        }
    }

    /// One block of columns: copies `W[:, block]` out, quantizes its columns in order (each
    /// column's error spread over the block's later columns), and returns the scaled errors
    /// `E` `[rows, block.count]` that the rest of W still has to receive.
    static func quantizeBlock(_ block: Range<Int>, of layer: GPTQPreparedLayer, groups: inout GPTQGroups,
                              into output: inout Output) -> [Double] {
        let (rows, columns, i1, count) = (layer.rows, layer.columns, block.lowerBound, block.count)
        var w1 = [Double](repeating: 0, count: rows * count)   // W[:, i1..<i2]
        var errors = [Double](repeating: 0, count: rows * count)
        for r in 0..<rows { for j in 0..<count { w1[r * count + j] = layer.w[r * columns + i1 + j] } }
        var loss = output.loss
        for i in 0..<count {
            let column = i1 + i
            groups.select(column: column, in: layer)
            let quantizer = groups.current
            let d = layer.u[column * columns + column]
            layer.u.withUnsafeBufferPointer { up in
                w1.withUnsafeMutableBufferPointer { bp in
                    output.dequantized.withUnsafeMutableBufferPointer { q in
                        output.codes.withUnsafeMutableBufferPointer { codes in
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
            }
        }
        output.loss = loss
        return errors
    }

    /// The lazy batch update: `W[:, i2:] −= E · U[i1..<i2, i2:]`, one GEMM for the whole block.
    static func spreadBlockError(_ errors: [Double], block: Range<Int>, over layer: inout GPTQPreparedLayer) {
        let (rows, columns, i1, i2) = (layer.rows, layer.columns, block.lowerBound, block.upperBound)
        layer.u.withUnsafeBufferPointer { up in
            errors.withUnsafeBufferPointer { e in
                layer.w.withUnsafeMutableBufferPointer { wp in
                    Float64Kernels.gemm(transposeA: false, transposeB: false, m: rows, n: columns - i2, k: block.count,
                                        alpha: -1, a: e.baseAddress!, lda: block.count,
                                        b: up.baseAddress! + i1 * columns + i2, ldb: columns,
                                        c: wp.baseAddress! + i2, ldc: columns, beta: 1)
                }
            }
        }
    }

    /// Throws for settings, shapes or values no quantization can use.
    static func validate(weight: [Double], rows: Int, columns: Int, hessian: [Double], configuration c: GPTQConfiguration) throws {
        try c.validate(columns: columns)
        guard weight.count == rows * columns, hessian.count == columns * columns else {
            throw QuantizationError.shapeMismatch("weight \(weight.count) values for [\(rows), \(columns)], Hessian \(hessian.count) for [\(columns), \(columns)]")
        }
        try requireFinite(weight, "the weight")
        try requireFinite(hessian, "the Hessian")
    }

    /// `U` with `(H + damp·mean(diag H)·I)⁻¹ = UᵀU`, row-major upper triangular: the matrix the
    /// column loop reads (no dead-input handling or reordering).
    public static func inverseHessianFactor(_ hessian: [Double], n: Int, dampening: Double = 0.01) throws -> [Double] {
        var h = hessian
        let mean = (0..<n).reduce(0.0) { $0 + h[$1 * n + $1] } / Double(n)
        for j in 0..<n { h[j * n + j] += dampening * mean }
        return try CholeskyInverse.upperFactorOfInverse(h, n: n)
    }
}
