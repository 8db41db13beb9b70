import Tensors

/// 4-bit NormalFloat (NF4), the data type of QLoRA (Dettmers et al. 2023), with the code book
/// bitsandbytes uses.
///
/// Weights of a trained network are close to normally distributed, so the 16 levels sit at
/// quantiles of a normal distribution (rescaled to [−1, 1], with an exact zero) rather than
/// evenly: more levels where most weights are. Quantizing a block of 64 values:
/// ```
/// absmax = max |xᵢ|            (one Float per block)
/// codeᵢ  = argmin_k |xᵢ/absmax − levels[k]|      (4 bits)
/// x̂ᵢ     = levels[codeᵢ] · absmax
/// ```
/// Two codes share a byte, the first in the high nibble (bitsandbytes' packing).
///
/// ```swift
/// let (codes, absmax) = NF4.quantizeBlock([0.3, -1.2, 0.05])
/// NF4.dequantizeBlock(codes, absmax: absmax)   // ≈ [0.2956, -1.2, 0.0955]
/// ```
public enum NF4 {
    /// The 16 NF4 levels, ascending; index 7 is exactly zero.
    public static let levels: [Float] = [
        -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
        -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
        0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
        0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
    ]

    /// bitsandbytes' default block size for 4-bit weights.
    public static let defaultBlockSize = 64

    /// The code of the level nearest to `x` (x already divided by its block's absmax, so in [−1, 1]).
    /// Ties go to the upper level, as bitsandbytes' comparison tree (`x > midpoint`) does.
    public static func nearestCode(_ x: Float) -> UInt8 {
        var code = 0
        // Binary search over the 15 midpoints between neighboring levels.
        var low = 0, high = levels.count - 1
        while low < high {
            let middle = (low + high) / 2
            let midpoint = (levels[middle] + levels[middle + 1]) / 2
            if x > midpoint { low = middle + 1 } else { high = middle }
        }
        code = low
        return UInt8(code)
    }

    // ANCHOR: nf4-block
    /// Quantizes one block: its absmax and one 4-bit code per value.
    public static func quantizeBlock(_ values: [Float]) -> (codes: [UInt8], absmax: Float) {
        let absmax = values.reduce(Float(0)) { max($0, abs($1)) }
        let scale = absmax > 0 ? 1 / absmax : 0            // an all-zero block codes every value as 0.0
        return (values.map { nearestCode($0 * scale) }, absmax)
    }

    /// The block back in floating point: `levels[code] · absmax`.
    public static func dequantizeBlock(_ codes: [UInt8], absmax: Float) -> [Float] {
        codes.map { levels[Int($0)] * absmax }
    }
    // ANCHOR_END: nf4-block

    /// Two 4-bit codes per byte, the first in the high nibble; an odd count is padded with code 0.
    public static func pack(_ codes: [UInt8]) -> [UInt8] {
        stride(from: 0, to: codes.count, by: 2).map { i in
            (codes[i] << 4) | (i + 1 < codes.count ? codes[i + 1] & 0x0F : 0)
        }
    }

    /// The first `count` codes of a packed array.
    public static func unpack(_ packed: [UInt8], count: Int) -> [UInt8] {
        (0..<count).map { i in i % 2 == 0 ? packed[i / 2] >> 4 : packed[i / 2] & 0x0F }
    }
}
