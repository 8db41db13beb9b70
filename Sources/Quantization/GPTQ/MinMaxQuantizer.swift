/// The per-row uniform quantizer GPTQ uses (the reference code's `Quantizer` with
/// `perchannel=True`): one scale and zero point per row of a block of columns.
///
/// ```
/// lo = min(0, min_j w[r, j])   hi = max(0, max_j w[r, j])
/// symmetric:  hi = max(|lo|, hi); lo = −hi if lo < 0;   zero = (maxq + 1)/2
/// asymmetric: zero = round(−lo / scale)
/// scale = (hi − lo) / maxq,  maxq = 2^bits − 1;  a row of zeros gets lo = −1, hi = 1
/// q = clamp(round(w / scale) + zero, 0, maxq);   ŵ = scale · (q − zero)
/// ```
public struct MinMaxQuantizer: Sendable, Equatable {
    public let scales: [Double]
    public let zeros: [Double]
    public let maxq: Double

    /// Parameters for each of `rows` rows from columns `columns` of a row-major matrix of width `width`.
    init(_ w: UnsafePointer<Double>, rows: Int, width: Int, columns: Range<Int>, bits: Int, symmetric: Bool) {
        let maxq = Double((1 << bits) - 1)
        var scales = [Double](repeating: 0, count: rows), zeros = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            var lo = 0.0, hi = 0.0
            for j in columns { let v = w[r * width + j]; lo = min(lo, v); hi = max(hi, v) }
            if symmetric {
                hi = max(abs(lo), hi)
                if lo < 0 { lo = -hi }
            }
            if lo == 0 && hi == 0 { (lo, hi) = (-1, 1) }
            let scale = (hi - lo) / maxq
            scales[r] = scale
            zeros[r] = symmetric ? (maxq + 1) / 2 : (-lo / scale).rounded(.toNearestOrEven)
        }
        (self.scales, self.zeros, self.maxq) = (scales, zeros, maxq)
    }

    /// Parameters per row of a row-major `[rows, columns]` matrix, from all its columns.
    public init(weight: [Double], rows: Int, columns: Int, bits: Int, symmetric: Bool) {
        precondition(weight.count == rows * columns, "MinMaxQuantizer: \(weight.count) weights for [\(rows), \(columns)]")
        self = weight.withUnsafeBufferPointer {
            MinMaxQuantizer($0.baseAddress!, rows: rows, width: columns, columns: 0..<columns, bits: bits, symmetric: symmetric)
        }
    }

    // ANCHOR: gptq-quantize
    /// The integer code of `w` in row `row`.
    @inline(__always)
    public func code(_ w: Double, row: Int) -> Double {
        min(max((w / scales[row]).rounded(.toNearestOrEven) + zeros[row], 0), maxq)
    }

    /// The value code `q` stands for in row `row`.
    @inline(__always)
    public func value(ofCode q: Double, row: Int) -> Double { scales[row] * (q - zeros[row]) }
    // ANCHOR_END: gptq-quantize
}
