import Tensors

/// How the scale is chosen for a range of values.
public enum QuantizationScheme: String, Sendable {
    /// Symmetric: `step = max|x| / (2^(b−1) − 1)`, codes in `−(2^(b−1)−1)…2^(b−1)−1`, zero point 0.
    case absmax
    /// Asymmetric: `step = (max − min) / (2^b − 1)`, an integer zero point `z` shifts the codes
    /// into `−2^(b−1)…2^(b−1)−1` so the whole range `[min, max]` is used.
    case zeroPoint
}

/// Which values share one scale (and zero point).
public enum Granularity: Equatable, Sendable {
    case tensor
    /// One scale per row of a `[rows, columns]` matrix (per output channel).
    case row
    /// One scale per run of `size` consecutive values of a row.
    case group(Int)
}

/// A matrix stored as small integers plus per-block floating-point steps:
/// `x ≈ step · (q − zero)`.
///
/// ```swift
/// let q = try QuantizedMatrix(weights, scheme: .absmax, granularity: .row, bits: 8)
/// let back = q.dequantized()          // [rows, columns]
/// q.storageBytes                      // codes + steps (+ zero points)
/// ```
public struct QuantizedMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public let bits: Int
    public let scheme: QuantizationScheme
    public let granularity: Granularity
    /// Row-major integer codes, `rows · columns`.
    public let codes: [Int32]
    /// One step per block (tensor: 1, row: `rows`, group: `rows · columns/size`), row-major.
    public let steps: [Float]
    /// One zero point per block (all 0 for absmax).
    public let zeroPoints: [Int32]

    /// Values per block along a row.
    public var blockWidth: Int {
        switch granularity {
        case .tensor: rows * columns
        case .row: columns
        case .group(let size): size
        }
    }

    // ANCHOR: quantize
    /// Quantizes a `[rows, columns]` (or rank-1) tensor. Rounding is to nearest, ties to even.
    public init(_ tensor: Tensor, scheme: QuantizationScheme, granularity: Granularity = .tensor, bits: Int = 8) throws {
        guard (2...8).contains(bits) else { throw QuantizationError.unsupportedBits(bits, supported: 2...8) }
        try requireFinite(tensor.scalars, "the tensor")
        let rows = tensor.rank == 2 ? tensor.shape[0] : 1
        let columns = tensor.count / max(rows, 1)
        if case .group(let size) = granularity {
            guard size > 0, columns % size == 0 else { throw QuantizationError.groupSizeDoesNotDivide(groupSize: size, width: columns) }
        }
        (self.rows, self.columns, self.bits, self.scheme, self.granularity) = (rows, columns, bits, scheme, granularity)
        let width: Int = switch granularity {
        case .tensor: rows * columns
        case .row: columns
        case .group(let size): size
        }
        var codes = [Int32](repeating: 0, count: tensor.count)
        var steps: [Float] = [], zeros: [Int32] = []
        let x = tensor.scalars
        for start in stride(from: 0, to: x.count, by: max(width, 1)) {
            let block = x[start..<(start + width)]
            let (step, zero) = Self.parameters(for: block, scheme: scheme, bits: bits)
            let (low, high) = Self.codeRange(scheme: scheme, bits: bits)
            for i in block.indices {
                let q = (x[i] / step).rounded(.toNearestOrEven) + Float(zero)
                codes[i] = Int32(max(Float(low), min(Float(high), q)))
            }
            steps.append(step)
            zeros.append(zero)
        }
        (self.codes, self.steps, self.zeroPoints) = (codes, steps, zeros)
    }

    /// The step and zero point for one block. A block of zeros gets step 1 so nothing divides by 0.
    static func parameters(for block: ArraySlice<Float>, scheme: QuantizationScheme, bits: Int) -> (step: Float, zero: Int32) {
        switch scheme {
        case .absmax:
            let m = block.reduce(Float(0)) { max($0, abs($1)) }
            return (m == 0 ? 1 : m / Float((1 << (bits - 1)) - 1), 0)
        case .zeroPoint:
            // The range always contains 0, so zero is stored exactly (padding, ReLU outputs).
            let low = min(block.min() ?? 0, 0), high = max(block.max() ?? 0, 0)
            guard high > low else { return (1, 0) }
            let step = (high - low) / Float((1 << bits) - 1)
            let zero = -(low / step).rounded(.toNearestOrEven) - Float(1 << (bits - 1))
            return (step, Int32(zero))
        }
    }
    // ANCHOR_END: quantize

    /// The smallest and largest code of a scheme.
    public static func codeRange(scheme: QuantizationScheme, bits: Int) -> (low: Int32, high: Int32) {
        let half = Int32(1) << Int32(bits - 1)
        return scheme == .absmax ? (-(half - 1), half - 1) : (-half, half - 1)
    }

    // ANCHOR: dequantize
    /// `x̂ = step · (q − zero)`, shaped `[rows, columns]`.
    public func dequantized() -> Tensor {
        let width = blockWidth
        return Tensor(shape: [rows, columns]) { out in
            for i in 0..<codes.count {
                let b = i / width
                out[i] = QuantizedMatrix.dequantize(codes[i], step: steps[b], zero: zeroPoints[b])
            }
        }
    }

    /// One code back to a value: `step · (q − zero)`.
    @inline(__always)
    public static func dequantize(_ code: Int32, step: Float, zero: Int32) -> Float {
        step * Float(code - zero)
    }
    // ANCHOR_END: dequantize

    /// Bytes to store the codes (packed at `bits` each), the fp32 steps and, for zero-point, the
    /// zero points (one byte each).
    public var storageBytes: Int {
        (codes.count * bits + 7) / 8 + steps.count * 4 + (scheme == .zeroPoint ? zeroPoints.count : 0)
    }
}
