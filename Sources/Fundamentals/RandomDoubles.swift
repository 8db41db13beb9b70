import Tensors

/// Double-precision draws for the fundamentals models, which work in `Double` so their numbers
/// can be checked against hand calculations and finite differences to many digits.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let w = rng.uniform(-0.5, 0.5)   // a weight in [−0.5, 0.5)
/// let noise = rng.normalDouble()    // N(0, 1)
/// ```
extension SplitMix64 {
    /// A standard normal sample in double precision (Box–Muller in Float, widened).
    public mutating func normalDouble() -> Double { Double(nextNormal()) }

    /// Uniform in `low..<high`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * nextUniformDouble() }
}
