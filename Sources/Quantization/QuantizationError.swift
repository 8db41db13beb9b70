/// Problems a caller's weights, settings or files can cause, each saying how to fix it.
public enum QuantizationError: Error, Equatable, CustomStringConvertible {
    /// A weight or activation is NaN or infinite: no finite scale can represent it.
    case nonFiniteValue(what: String, index: Int)
    /// The bit width is outside what the method supports.
    case unsupportedBits(Int, supported: ClosedRange<Int>)
    /// The group size does not split the row into whole groups.
    case groupSizeDoesNotDivide(groupSize: Int, width: Int)
    /// Shapes that must agree do not.
    case shapeMismatch(String)
    /// A setting outside its valid range (block size, dampening, threshold…).
    case invalidSetting(String)
    /// The damped Hessian is not positive definite, so its Cholesky factor does not exist.
    case hessianNotPositiveDefinite(column: Int)

    public var description: String {
        switch self {
        case .nonFiniteValue(let what, let index):
            return "\(what) holds a non-finite value (NaN or ±inf) at flat index \(index); fix or clip the tensor before quantizing it"
        case .unsupportedBits(let bits, let supported):
            return "\(bits)-bit codes are not supported here; choose a width in \(supported.lowerBound)...\(supported.upperBound)"
        case .groupSizeDoesNotDivide(let groupSize, let width):
            return "group size \(groupSize) does not divide the row width \(width); pick a divisor of \(width) (e.g. \(Self.divisorHint(width))) or quantize per row"
        case .shapeMismatch(let message):
            return "shape mismatch: \(message)"
        case .invalidSetting(let message):
            return "invalid setting: \(message)"
        case .hessianNotPositiveDefinite(let column):
            return "the damped Hessian is not positive definite (Cholesky failed at column \(column)); raise the dampening (e.g. 0.1) or use more calibration rows"
        }
    }

    private static func divisorHint(_ width: Int) -> Int {
        for g in [128, 64, 32, 16, 8, 4, 2] where width % g == 0 { return g }
        return 1
    }
}

/// Throws ``QuantizationError/nonFiniteValue(what:index:)`` for the first NaN or infinity.
func requireFinite<C: Collection>(_ values: C, _ what: String) throws where C.Element: BinaryFloatingPoint {
    var index = 0
    for v in values {
        if !v.isFinite { throw QuantizationError.nonFiniteValue(what: what, index: index) }
        index += 1
    }
}
