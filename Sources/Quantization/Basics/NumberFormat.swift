import Tensors

/// The number formats a weight can be stored in, and how each lays out its bits.
///
/// ```
/// FP32  s eeeeeeee mmmmmmmmmmmmmmmmmmmmmmm   1 + 8 + 23 bits, bias 127
/// FP16  s eeeee mmmmmmmmmm                   1 + 5 + 10 bits, bias 15
/// BF16  s eeeeeeee mmmmmmm                   1 + 8 + 7 bits (FP32's range, less precision)
/// INT8  two's complement, −128…127           no exponent: a scale must come from outside
/// ```
///
/// ```swift
/// NumberFormat.bf16.bitString(3.14159)   // "0 10000000 1001001"
/// NumberFormat.fp16.roundTrip(3.14159)   // 3.140625
/// ```
public enum NumberFormat: String, CaseIterable, Sendable {
    case fp32 = "FP32", fp16 = "FP16", bf16 = "BF16", int8 = "INT8"

    /// Bits per stored value.
    public var bitWidth: Int {
        switch self {
        case .fp32: 32
        case .fp16, .bf16: 16
        case .int8: 8
        }
    }

    /// (sign, exponent, mantissa) field widths; INT8 has no fields (0, 0, 0).
    public var fields: (sign: Int, exponent: Int, mantissa: Int) {
        switch self {
        case .fp32: (1, 8, 23)
        case .fp16: (1, 5, 10)
        case .bf16: (1, 8, 7)
        case .int8: (0, 0, 0)
        }
    }

    /// The raw bits of `value` in this format (INT8: the value rounded and clamped to −128…127).
    public func rawBits(_ value: Float) -> UInt32 {
        switch self {
        case .fp32: value.bitPattern
        case .fp16: UInt32(HalfPrecision.float16Bits(value))
        case .bf16: UInt32(HalfPrecision.bfloat16Bits(value))
        case .int8: UInt32(UInt8(bitPattern: Int8(max(-128, min(127, value.rounded(.toNearestOrEven))))))
        }
    }

    /// The value this format actually stores for `value` (round to nearest even).
    public func roundTrip(_ value: Float) -> Float {
        switch self {
        case .fp32: value
        case .fp16: HalfPrecision.float(float16Bits: HalfPrecision.float16Bits(value))
        case .bf16: HalfPrecision.float(bfloat16Bits: HalfPrecision.bfloat16Bits(value))
        case .int8: Float(Int8(bitPattern: UInt8(rawBits(value))))
        }
    }

    /// The bits as text, fields separated by spaces: sign, exponent, mantissa (INT8: 8 bits).
    public func bitString(_ value: Float) -> String {
        let bits = rawBits(value)
        let digits = (0..<bitWidth).reversed().map { (bits >> UInt32($0)) & 1 == 1 ? "1" : "0" }.joined()
        guard self != .int8 else { return digits }
        let (s, e, _) = fields
        let chars = Array(digits)
        return String(chars[0..<s]) + " " + String(chars[s..<(s + e)]) + " " + String(chars[(s + e)...])
    }

    /// The largest finite magnitude the format holds.
    public var largestFinite: Float {
        switch self {
        case .fp32: Float.greatestFiniteMagnitude
        case .fp16: 65504
        case .bf16: HalfPrecision.float(bfloat16Bits: 0x7F7F)
        case .int8: 127
        }
    }
}
