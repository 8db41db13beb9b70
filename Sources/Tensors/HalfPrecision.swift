/// 16-bit floating-point storage formats, converted by hand from the bit layouts.
///
/// - **Float16** (IEEE binary16): 1 sign, 5 exponent (bias 15), 10 mantissa bits.
///   Largest finite 65504; smallest normal 2⁻¹⁴; subnormals down to 2⁻²⁴.
/// - **BFloat16**: the top 16 bits of a Float32 — 1 sign, 8 exponent (bias 127), 7 mantissa
///   bits. Same range as Float32, about 3 significant decimal digits.
///
/// Narrowing rounds to nearest, ties to even, as PyTorch and NumPy do. Widening is exact.
public enum HalfPrecision {
    // ANCHOR: bfloat16
    /// Float32 → BFloat16 bits. Adding `0x7FFF + lsb` to the low half rounds to nearest-even
    /// in integer arithmetic; NaN is kept a (quiet) NaN instead of rounding into infinity.
    public static func bfloat16Bits(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        if value.isNaN { return UInt16(bits >> 16) | 0x0040 }
        let lsb = (bits >> 16) & 1
        return UInt16((bits &+ 0x7FFF &+ lsb) >> 16)
    }
    // ANCHOR_END: bfloat16

    /// BFloat16 bits → Float32 (exact: append 16 zero bits).
    public static func float(bfloat16Bits bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Float32 → IEEE Float16 bits, rounding to nearest-even; overflow gives ±infinity,
    /// tiny values become subnormals or ±0.
    public static func float16Bits(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        let exponent = Int((bits >> 23) & 0xFF)
        let mantissa = bits & 0x7F_FFFF
        if exponent == 0xFF {                                   // infinity or NaN
            return sign | 0x7C00 | (mantissa != 0 ? 0x0200 | UInt16(mantissa >> 13) : 0)
        }
        let halfExponent = exponent - 127 + 15
        if halfExponent >= 0x1F { return sign | 0x7C00 }        // too big: infinity
        if halfExponent <= 0 {
            // Subnormal (or zero): shift the mantissa, with its implicit 1, right.
            if halfExponent < -10 { return sign }               // below half the smallest subnormal
            let full = mantissa | 0x80_0000
            let shift = UInt32(14 - halfExponent)                 // 14…24
            return sign | UInt16(roundShiftRightEven(full, by: shift))
        }
        // Normal: drop 13 mantissa bits with rounding; a carry may bump the exponent (even to infinity).
        let combined = (UInt32(halfExponent) << 10) << 13 | mantissa
        return sign | UInt16(roundShiftRightEven(combined, by: 13))
    }

    /// Float16 bits → Float32 (exact).
    public static func float(float16Bits bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = Float(bits & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24                        // subnormal or zero
        case 0x1F: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// `value >> shift`, rounded to nearest with ties to even.
    static func roundShiftRightEven(_ value: UInt32, by shift: UInt32) -> UInt32 {
        let kept = value >> shift
        let remainder = value & ((1 << shift) - 1)
        let half: UInt32 = 1 << (shift - 1)
        if remainder > half || (remainder == half && kept & 1 == 1) { return kept + 1 }
        return kept
    }
}

extension Tensor {
    /// The elements as Float16 bit patterns (for writing F16 checkpoints).
    public func float16Bits() -> [UInt16] { scalars.map(HalfPrecision.float16Bits) }
    /// The elements as BFloat16 bit patterns (for writing BF16 checkpoints).
    public func bfloat16Bits() -> [UInt16] { scalars.map(HalfPrecision.bfloat16Bits) }
    /// A Float32 tensor from Float16 bit patterns.
    public init(shape: [Int], float16Bits bits: [UInt16]) {
        self.init(shape: shape, scalars: bits.map { HalfPrecision.float(float16Bits: $0) })
    }
    /// A Float32 tensor from BFloat16 bit patterns.
    public init(shape: [Int], bfloat16Bits bits: [UInt16]) {
        self.init(shape: shape, scalars: bits.map { HalfPrecision.float(bfloat16Bits: $0) })
    }
}
