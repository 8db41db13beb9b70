import Tensors

/// What GPTQ is measured against: round-to-nearest with the same quantizer and groups, and the
/// change of the layer's outputs on calibration inputs.
///
/// ```
/// RTN:           ŵ = quant(w) per group, no error feedback
/// output error:  ‖(W − Ŵ)·Xᵀ‖²_F        W, Ŵ [rows, k], X [n, k]
/// ```
///
/// ```swift
/// let rtn = try GPTQ.roundToNearest(weight: w, rows: m, columns: k, configuration: configuration)
/// let worse = GPTQ.outputError(weight: w, quantized: rtn.dequantized, rows: m, columns: k, inputs: x)
/// ```
extension GPTQ {
    /// Round-to-nearest with the same quantizer and groups (no error feedback): the baseline GPTQ beats.
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
        Float64Kernels.gemm(transposeA: false, transposeB: true, m: rows, n: n, k: columns, a: difference, b: x, c: &out, beta: 0)
        return out.reduce(0) { $0 + $1 * $1 }
    }
}
