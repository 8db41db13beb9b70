import Foundation

/// Vectorized `exp` and `tanh`, eight lanes at a time, for the hot loops of training
/// (softmax, cross-entropy, GELU).
///
/// The C library computes `expf` and `tanhf` one number per call (`tanhf` through `expm1f`):
/// correct to the last bit, but a call per element dominated a tiny GPT's training step. Here
/// both are written with `SIMD8<Float>` so the compiler emits AVX instructions:
///
/// - `exp(x)`: write `x = n·ln 2 + r` with integer `n` and `|r| ≤ ½ ln 2`; then
///   `eˣ = 2ⁿ · eʳ`, where `eʳ` is a degree-6 polynomial (Cephes' `expf` coefficients) and `2ⁿ`
///   is built straight from the exponent bits. Relative error about 2·10⁻⁷ (2 ulp).
/// - `tanh(x) = 1 − 2 / (e²ˣ + 1)`, absolute error about 10⁻⁷.
///
/// The scalar reference for both is `Foundation.exp` / `Foundation.tanh`; the tests compare them.
public enum FastMath {
    public typealias Vector = SIMD8<Float>

    /// `eˣ` per lane. Below −87.3 the result is 0 (as `expf` underflows); above 88.3 it is `+∞`,
    /// a little early (`expf` overflows past 88.72), which softmax never meets: it only takes
    /// `eˣ` of `x − max ≤ 0`. NaN stays NaN.
    @inlinable @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        // Only operations that map to vector instructions: comparisons with blends instead of
        // `clamped`, and no float → integer conversion (both go through slow generic code).
        let low = Vector(repeating: -87.3), high = Vector(repeating: 88.3)
        var clamped = x.replacing(with: low, where: x .< low)
        clamped.replace(with: high, where: clamped .> high)
        // Round x·log₂e to the nearest integer n by adding and removing 1.5·2²³: the sum's low
        // mantissa bits then hold n itself, ready for the exponent field.
        let magic = Vector(repeating: 12_582_912)
        let shifted = clamped * 1.44269504088896341 + magic
        let n = shifted - magic
        // r = x − n·ln 2, with ln 2 split in two so the product is exact enough.
        var r = clamped - n * 0.693359375
        r = r + n * 2.12194440e-4
        var p = Vector(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * (r * r) + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let twoToTheN = unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
        var result = p * twoToTheN
        result.replace(with: 0, where: x .< low)
        result.replace(with: .infinity, where: x .> high)
        return result   // NaN passes through the blends and the polynomial unchanged
    }

    /// `tanh(x)` per lane.
    @inlinable @inline(__always)
    public static func tanh(_ x: Vector) -> Vector {
        // Beyond ±9, tanh is ±1 in Float; clamping keeps e²ˣ finite.
        let low = Vector(repeating: -9), high = Vector(repeating: 9)
        var clamped = x.replacing(with: low, where: x .< low)
        clamped.replace(with: high, where: clamped .> high)
        return 1 - 2 / (exp(clamped + clamped) + 1)
    }

    /// Applies `body` to `count` floats from `input`, writing `output`, eight at a time; the last
    /// partial group is padded with zeros (its extra lanes are discarded).
    @inlinable @inline(__always)
    public static func forEachVector(_ count: Int, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                                     _ body: (Vector) -> Vector) {
        var i = 0
        while i &+ 8 <= count {
            let v = UnsafeRawPointer(input + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(output + i).storeBytes(of: body(v), as: Vector.self)
            i &+= 8
        }
        if i < count {
            var v = Vector()
            for lane in 0..<(count &- i) { v[lane] = input[i &+ lane] }
            let r = body(v)
            for lane in 0..<(count &- i) { output[i &+ lane] = r[lane] }
        }
    }

    /// `output[i] = eˣ` for `x = input[i]`.
    @inlinable
    public static func exp(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        forEachVector(count, input, output) { exp($0) }
    }
}
