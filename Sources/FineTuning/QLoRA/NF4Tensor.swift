import Tensors

/// A tensor stored in NF4: packed 4-bit codes plus one scale (absmax) per block, optionally with
/// the scales themselves quantized ("double quantization", QLoRA §3).
///
/// Memory per weight, block size 64:
/// ```
/// single: 4 bits + 32/64           = 4.5 bits
/// double: 4 bits + 8/64 + 32/(64·256) ≈ 4.127 bits
/// ```
/// Double quantization here subtracts the mean of the absmax values and stores each group of
/// 256 as symmetric 8-bit integers with one Float scale (bitsandbytes uses an 8-bit floating
/// code book for this step; the saving is the same).
///
/// ```swift
/// let q = NF4Tensor(quantizing: weight, doubleQuantization: true)
/// let w = q.dequantized()        // same shape, each value one of 16 levels × its block's scale
/// q.storageBytes                 // ≈ weight.count · 4.127 / 8
/// ```
public struct NF4Tensor: Sendable {
    public let shape: [Int]
    public let blockSize: Int
    public let packedCodes: [UInt8]
    /// The per-block scales as used for dequantizing (after the double-quantization round trip, if any).
    public let absmax: [Float]
    public let doubleQuantization: Bool
    /// Values per group of absmax values in the second quantization.
    public static let absmaxGroupSize = 256

    public init(quantizing tensor: Tensor, blockSize: Int = NF4.defaultBlockSize, doubleQuantization: Bool = false) {
        precondition(blockSize > 0, "NF4Tensor: block size must be positive, got \(blockSize)")
        shape = tensor.shape
        self.blockSize = blockSize
        self.doubleQuantization = doubleQuantization
        var codes: [UInt8] = []
        codes.reserveCapacity(tensor.count)
        var scales: [Float] = []
        var start = 0
        while start < tensor.count {
            let block = Array(tensor.scalars[start..<min(start + blockSize, tensor.count)])
            let (blockCodes, blockAbsmax) = NF4.quantizeBlock(block)
            codes += blockCodes
            scales.append(blockAbsmax)
            start += blockSize
        }
        packedCodes = NF4.pack(codes)
        absmax = doubleQuantization ? Self.roundTripAbsmax(scales) : scales
    }

    /// The values back as Floats, each `levels[code] · absmax[block]`.
    public func dequantized() -> Tensor {
        let count = shape.reduce(1, *)
        let codes = NF4.unpack(packedCodes, count: count)
        return Tensor(shape: shape) { out in
            for i in 0..<count { out[i] = NF4.levels[Int(codes[i])] * absmax[i / blockSize] }
        }
    }

    /// Bytes held: packed codes plus the scales (8-bit + group scales + one offset when double-quantized).
    public var storageBytes: Int {
        let groups = (absmax.count + Self.absmaxGroupSize - 1) / Self.absmaxGroupSize
        let scaleBytes = doubleQuantization ? absmax.count + 4 * groups + 4 : 4 * absmax.count
        return packedCodes.count + scaleBytes
    }

    /// Bits per stored value, counting the scales.
    public var bitsPerValue: Double { Double(8 * storageBytes) / Double(max(shape.reduce(1, *), 1)) }

    /// Second-level quantization of the scales: subtract their mean, then symmetric int8 per group of 256.
    static func roundTripAbsmax(_ scales: [Float]) -> [Float] {
        let offset = scales.reduce(0, +) / Float(max(scales.count, 1))
        var result: [Float] = []
        var start = 0
        while start < scales.count {
            let group = scales[start..<min(start + absmaxGroupSize, scales.count)].map { $0 - offset }
            let groupMax = group.reduce(Float(0)) { max($0, abs($1)) }
            let step = groupMax > 0 ? groupMax / 127 : 1
            result += group.map { Float(Int8(($0 / step).rounded())) * step + offset }
            start += absmaxGroupSize
        }
        return result
    }
}
