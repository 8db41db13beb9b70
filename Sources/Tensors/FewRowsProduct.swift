import CKernels

/// `Y = X · Wᵀ (+ b)` for a handful of rows `X: [M, K]` against a large `W: [N, K]`, reading `W`
/// once and never copying it.
///
/// A serving engine's decoding step multiplies a few rows — one new token per running
/// sequence — by every weight matrix. `sgemm` first packs (copies) the whole `[N, K]` weight into
/// blocks for its kernel; for 8 rows that copy costs more than the arithmetic (measured on the
/// SmolLM-135M shape: the packing took more time than the multiply-adds). The C kernel
/// (Sources/CKernels) loads four weight rows at a time and dots them with every input row while
/// they sit in L1, with AVX-512 or AVX2 fused multiply-adds chosen for the processor at run time;
/// output rows are split across threads when the weight is large. ``multiplyReference`` is the
/// same product as plain loops.
///
/// ```swift
/// FewRowsProduct.multiply(x, w, into: y, rows: 8, outputs: 1536, inputs: 576)   // y: [8, 1536]
/// ```
public enum FewRowsProduct {
    /// Up to this many rows the product beats `sgemm` with a transposed weight.
    public static let maximumRows = 32

    /// The code path this processor runs: "avx512", "avx2" or "scalar".
    public static var path: String { String(cString: llmcourse_few_rows_path()) }

    /// `y[r, o] = Σₖ x[r, k] · w[o, k] (+ bias[o])`.
    public static func multiply(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, bias: UnsafePointer<Float>? = nil,
                                into y: UnsafeMutablePointer<Float>, rows m: Int, outputs n: Int, inputs k: Int) {
        nonisolated(unsafe) let (x, w, y, bias) = (x, w, y, bias)
        Parallel.forEachChunk(count: n, workPerItem: k * m) { range in
            llmcourse_few_rows_times_transposed(x, w + range.lowerBound * k, bias.map { $0 + range.lowerBound }, y + range.lowerBound,
                                                Int32(m), Int32(range.count), Int32(k), Int32(n))
        }
    }

    /// The same product as three plain loops: the reference the tests compare with.
    public static func multiplyReference(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, bias: UnsafePointer<Float>? = nil,
                                         into y: UnsafeMutablePointer<Float>, rows m: Int, outputs n: Int, inputs k: Int) {
        for r in 0..<m {
            for o in 0..<n {
                var sum: Float = 0
                for i in 0..<k { sum += x[r * k + i] * w[o * k + i] }
                y[r * n + o] = sum + (bias?[o] ?? 0)
            }
        }
    }
}
