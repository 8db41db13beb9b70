import Tensors

/// How a tensor's values are laid out in a GGUF file (ggml's `ggml_type` numbers).
///
/// ```
/// F32   4 bytes per value
/// F16   2 bytes per value (IEEE half)
/// Q8_0  blocks of 32: fp16 d = max|x|/127, then 32 int8 codes;      x ≈ d·q          34 bytes
/// Q4_0  blocks of 32: fp16 d = m/−8 (m: the value of largest |x|),  x ≈ d·(q − 8)    18 bytes
///       then 16 bytes; byte j holds code j in its low nibble and code j+16 in its high one
/// ```
public enum GGMLTensorType: UInt32, Sendable, CaseIterable {
    case f32 = 0, f16 = 1, q4_0 = 2, q8_0 = 8

    /// Values per block (1 for the float types).
    public var blockSize: Int { self == .f32 || self == .f16 ? 1 : 32 }

    /// Bytes per block.
    public var bytesPerBlock: Int {
        switch self {
        case .f32: 4
        case .f16: 2
        case .q8_0: 34
        case .q4_0: 18
        }
    }

    /// Bytes for `count` values (a multiple of the block size).
    public func byteCount(values count: Int) -> Int { count / blockSize * bytesPerBlock }

    /// Encodes values (count a multiple of ``blockSize``) into this layout.
    public func encode(_ values: [Float]) -> [UInt8] {
        precondition(values.count % blockSize == 0, "\(self): \(values.count) values are not whole blocks of \(blockSize)")
        var out: [UInt8] = []
        out.reserveCapacity(byteCount(values: values.count))
        switch self {
        case .f32: for v in values { appendLittleEndian(v.bitPattern, to: &out) }
        case .f16: for v in values { appendLittleEndian(HalfPrecision.float16Bits(v), to: &out) }
        case .q8_0: for b in stride(from: 0, to: values.count, by: 32) { out += Q8_0.pack(values[b..<(b + 32)]) }
        case .q4_0: for b in stride(from: 0, to: values.count, by: 32) { out += Q4_0.pack(values[b..<(b + 32)]) }
        }
        return out
    }

    /// Decodes `count` values from bytes in this layout.
    public func decode(_ bytes: ArraySlice<UInt8>, count: Int) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(count)
        var p = bytes.startIndex
        for _ in 0..<(count / blockSize) {
            let block = bytes[p..<(p + bytesPerBlock)]
            switch self {
            case .f32: out.append(Float(bitPattern: readLittleEndian(block, as: UInt32.self)))
            case .f16: out.append(HalfPrecision.float(float16Bits: readLittleEndian(block, as: UInt16.self)))
            case .q8_0: out += Q8_0.unpack(block)
            case .q4_0: out += Q4_0.unpack(block)
            }
            p += bytesPerBlock
        }
        return out
    }
}

func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
}

func readLittleEndian<T: FixedWidthInteger>(_ bytes: ArraySlice<UInt8>, as: T.Type) -> T {
    var value: T = 0
    for (i, b) in bytes.prefix(MemoryLayout<T>.size).enumerated() { value |= T(b) << (8 * i) }
    return value
}
