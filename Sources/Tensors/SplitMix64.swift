import Foundation

/// A small, fast, seeded random number generator (SplitMix64, Steele et al. 2014).
///
/// Every random choice in the course goes through one of these, so a seed reproduces a run
/// exactly on every machine. Floats are built from raw bits, never from the standard
/// library's `random(in:using:)`, whose algorithm may change between Swift releases.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let u = rng.nextUniform()              // in [0, 1)
/// let z = rng.nextNormal()               // mean 0, standard deviation 1
/// let w = Tensor.normal([3, 4], std: 0.02, using: &rng)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`: the top 24 bits scaled by 2⁻²⁴, so every value is exactly representable.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in `[0, 1)` with 53 bits of precision.
    public mutating func nextUniformDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample via the Box–Muller transform:
    /// `z = √(−2 ln u₁) · cos(2π u₂)` with `u₁` in `(0, 1]`.
    public mutating func nextNormal() -> Float {
        let u1 = 1 - nextUniformDouble()          // (0, 1], so the logarithm is finite
        let u2 = nextUniformDouble()
        return Float((-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }

    /// A uniform integer in `0..<upperBound` (Lemire's multiply-shift, unbiased by rejection).
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextInt(below:): bound must be positive, got \(upperBound)")
        let bound = UInt64(upperBound)
        while true {
            let product = next().multipliedFullWidth(by: bound)
            if product.low >= (0 &- bound) % bound { return Int(product.high) }
        }
    }

    /// A random permutation of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var items = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) {
                items.swapAt(i, nextInt(below: i + 1))
            }
        }
        return items
    }
}

extension Tensor {
    /// Elements drawn uniformly from `[low, high)`.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1,
                               using rng: inout SplitMix64) -> Tensor {
        let width = high - low
        return Tensor(shape: shape) { out in
            for i in out.indices { out[i] = low + width * rng.nextUniform() }
        }
    }

    /// Elements drawn from a normal distribution with the given mean and standard deviation.
    public static func normal(_ shape: [Int], mean: Float = 0, std: Float = 1,
                              using rng: inout SplitMix64) -> Tensor {
        Tensor(shape: shape) { out in
            for i in out.indices { out[i] = mean + std * rng.nextNormal() }
        }
    }
}
