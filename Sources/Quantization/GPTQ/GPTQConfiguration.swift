/// GPTQ's settings, with the reference code's defaults.
public struct GPTQConfiguration: Sendable, Equatable {
    /// Bits per code, 2…8.
    public var bits: Int
    /// Columns sharing one scale and zero point per row; `nil` = one per row.
    public var groupSize: Int?
    /// Quantize columns in order of decreasing Hessian diagonal (most sensitive inputs first).
    public var actOrder: Bool
    /// With groups and act-order: compute every group's parameters up front from the original
    /// weights (so groups stay contiguous in the stored order) instead of on the fly.
    public var staticGroups: Bool
    /// Symmetric grid (zero point in the middle) or asymmetric (min/max).
    public var symmetric: Bool
    /// Columns per lazy batch: updates inside a block are applied at once to the rest.
    public var blockSize: Int
    /// Fraction of the mean Hessian diagonal added to the diagonal.
    public var dampening: Double

    public init(bits: Int = 4, groupSize: Int? = nil, actOrder: Bool = false, staticGroups: Bool = false,
                symmetric: Bool = false, blockSize: Int = 128, dampening: Double = 0.01) {
        (self.bits, self.groupSize, self.actOrder, self.staticGroups) = (bits, groupSize, actOrder, staticGroups)
        (self.symmetric, self.blockSize, self.dampening) = (symmetric, blockSize, dampening)
    }

    /// Throws for settings no weight matrix of width `columns` can use.
    func validate(columns: Int) throws {
        guard (2...8).contains(bits) else { throw QuantizationError.unsupportedBits(bits, supported: 2...8) }
        guard blockSize > 0 else { throw QuantizationError.invalidSetting("block size must be positive, got \(blockSize)") }
        guard dampening >= 0, dampening.isFinite else {
            throw QuantizationError.invalidSetting("dampening must be a finite fraction ≥ 0 (the reference uses 0.01), got \(dampening)")
        }
        if let g = groupSize {
            guard g > 0, columns % g == 0 else { throw QuantizationError.groupSizeDoesNotDivide(groupSize: g, width: columns) }
        }
    }
}

/// What GPTQ returns for one weight matrix `[rows, columns]`, in the original column order.
public struct GPTQResult: Sendable {
    public let rows: Int
    public let columns: Int
    /// Dequantized weights `ŵ = scale · (q − zero)`, row-major.
    public let dequantized: [Double]
    /// Integer codes `0…2^bits − 1`, row-major.
    public let codes: [Int32]
    /// Per row and group (in quantization order), row-major `[rows, groups]`.
    public let scales: [Double]
    public let zeros: [Double]
    /// The column order used (identity unless act-order).
    public let permutation: [Int]
    /// GPTQ's own loss estimate `Σ (w − q)² / (2·[H⁻¹]_jj²)`.
    public let loss: Double

    public var dequantizedFloats: [Float] { dequantized.map { Float($0) } }
}
