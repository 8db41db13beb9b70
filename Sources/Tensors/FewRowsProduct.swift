/// `Y = X · Wᵀ` for a handful of rows `X: [M, K]` against a large `W: [N, K]`, reading `W` once.
///
/// A serving engine's decoding step multiplies a few rows — one new token per running sequence —
/// by every weight matrix. `sgemm` first packs (copies) the whole `[N, K]` weight into blocks for
/// its kernel: for `M = 8` that copy costs more than the arithmetic. `sgemv` reads `W` once but
/// only for one row, so `M` rows would read it `M` times. Here each weight row is loaded once
/// and dotted with all `M` rows of `X` while it sits in L1, with 16-wide SIMD accumulators:
/// `M·N·K` multiply-adds, `N·K` floats read from memory.
///
/// ```swift
/// FewRowsProduct.multiply(x, w, into: y, rows: 8, outputs: 1536, inputs: 576)   // y: [8, 1536]
/// ```
public enum FewRowsProduct {
    /// Rows up to which this beats `sgemm` (measured on 576×1536 and 576×49152 weights).
    public static let maximumRows = 32

    /// `y[r, o] = Σₖ x[r, k] · w[o, k]`, with `bias[o]` added when given. Output rows are split
    /// across threads when the weight is large.
    public static func multiply(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, bias: UnsafePointer<Float>? = nil,
                                into y: UnsafeMutablePointer<Float>, rows m: Int, outputs n: Int, inputs k: Int) {
        nonisolated(unsafe) let (x, w, y, bias) = (x, w, y, bias)
        Parallel.forEachChunk(count: n, workPerItem: k * m) { range in
            for o in range {
                let weightRow = w + o * k
                for r in 0..<m {
                    y[r * n + o] = dot(x + r * k, weightRow, count: k) + (bias?[o] ?? 0)
                }
            }
        }
    }

    /// `Σ a[i]·b[i]` in 16-wide lanes (the lanes are summed at the end, so the order differs from
    /// a left-to-right loop by rounding only).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>(repeating: 0)
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 16 <= count {
            let va = ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            let vb = rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            lanes += va * vb  // (addProduct would call fmaf once per lane)
            i += 16
        }
        var sum = lanes.sum()
        while i < count { sum += a[i] * b[i]; i += 1 }
        return sum
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
