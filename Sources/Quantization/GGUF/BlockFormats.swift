import Tensors

/// llama.cpp's 8-bit block format: 32 values share one fp16 scale.
public enum Q8_0 {
    /// `d = max|x| / 127`, `q = round(x / d)` (half away from zero), stored as fp16 d + 32 int8.
    public static func pack(_ block: ArraySlice<Float>) -> [UInt8] {
        precondition(block.count == 32, "Q8_0 blocks hold 32 values, got \(block.count)")
        let amax = block.reduce(Float(0)) { max($0, abs($1)) }
        let d = amax / 127
        let inverse: Float = d != 0 ? 1 / d : 0
        var out: [UInt8] = []
        appendLittleEndian(HalfPrecision.float16Bits(d), to: &out)
        for x in block { out.append(UInt8(bitPattern: Int8((x * inverse).rounded(.toNearestOrAwayFromZero)))) }
        return out
    }

    public static func unpack(_ bytes: ArraySlice<UInt8>) -> [Float] {
        let d = HalfPrecision.float(float16Bits: readLittleEndian(bytes, as: UInt16.self))
        return bytes.dropFirst(2).prefix(32).map { d * Float(Int8(bitPattern: $0)) }
    }
}

/// llama.cpp's 4-bit block format: 32 values, one fp16 scale, codes 0…15 around an offset of 8.
public enum Q4_0 {
    // ANCHOR: q4_0-pack
    /// `m` = the value of largest magnitude (with its sign), `d = m / −8`, so `m` lands on code 0
    /// (−8·d) and the grid reaches `+7·d` on the other side; `q = min(15, trunc(x/d + 8.5))`.
    /// Byte `j` of the 16 holds `q[j]` in its low nibble and `q[j + 16]` in its high nibble.
    public static func pack(_ block: ArraySlice<Float>) -> [UInt8] {
        precondition(block.count == 32, "Q4_0 blocks hold 32 values, got \(block.count)")
        let values = Array(block)
        var m: Float = 0
        for x in values where abs(x) > abs(m) { m = x }
        let d = m / -8
        let inverse: Float = d != 0 ? 1 / d : 0
        let codes = values.map { UInt8(max(0, min(15, Int(($0 * inverse + 8.5).rounded(.towardZero))))) }
        var out: [UInt8] = []
        appendLittleEndian(HalfPrecision.float16Bits(d), to: &out)
        for j in 0..<16 { out.append(codes[j] | (codes[j + 16] << 4)) }
        return out
    }
    // ANCHOR_END: q4_0-pack

    public static func unpack(_ bytes: ArraySlice<UInt8>) -> [Float] {
        let d = HalfPrecision.float(float16Bits: readLittleEndian(bytes, as: UInt16.self))
        let packed = Array(bytes.dropFirst(2).prefix(16))
        let low = packed.map { d * (Float(Int($0 & 0x0F)) - 8) }
        let high = packed.map { d * (Float(Int($0 >> 4)) - 8) }
        return low + high
    }
}
