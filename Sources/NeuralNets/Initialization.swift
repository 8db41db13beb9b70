import Foundation
import Tensors

/// How to draw a layer's initial weights `[fanOut, fanIn]`, so that signals keep their size
/// through a deep stack.
///
/// A layer `y = W·x` with independent zero-mean weights of variance `s²` multiplies the variance
/// of its input by `fanIn · s²`. Keeping that factor at 1 (forward) or `fanOut · s² = 1`
/// (backward, for the gradients) gives the two classic rules, each scaled by a *gain* that makes
/// up for what the activation does to the variance:
///
/// | rule | standard deviation |
/// |---|---|
/// | Xavier / Glorot (2010) | `gain · √(2 / (fanIn + fanOut))` |
/// | He / Kaiming (2015) | `gain / √fanIn` (fan-in mode) |
///
/// Gains as PyTorch's `nn.init.calculate_gain`: 1 for identity and sigmoid, 5/3 for tanh, √2 for
/// ReLU (ReLU zeroes half its inputs, halving the second moment). A uniform draw on `[−a, a]`
/// with `a = √3 · std` has the same variance as the normal one.
///
/// ```swift
/// var rng = SplitMix64(seed: 0)
/// let w = WeightInitialization.kaimingNormal(gain: WeightInitialization.gain(for: .relu))
///     .sample(fanIn: 256, fanOut: 256, using: &rng)          // [256, 256], std √2/16
/// ```
public enum WeightInitialization: Sendable, Equatable {
    /// Normal with a fixed standard deviation, whatever the layer's size.
    case normal(std: Float)
    /// PyTorch's `nn.Linear` default: uniform on `[−1/√fanIn, 1/√fanIn]` (std `1/√(3·fanIn)`).
    case pytorchDefault
    case xavierUniform(gain: Float)
    case xavierNormal(gain: Float)
    case kaimingUniform(gain: Float)
    case kaimingNormal(gain: Float)

    // ANCHOR: init-std
    /// The standard deviation of the weights this rule draws.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Float {
        switch self {
        case .normal(let std): return std
        case .pytorchDefault: return 1 / (3 * Float(fanIn)).squareRoot()
        case .xavierUniform(let gain), .xavierNormal(let gain):
            return gain * (2 / Float(fanIn + fanOut)).squareRoot()
        case .kaimingUniform(let gain), .kaimingNormal(let gain):
            return gain / Float(fanIn).squareRoot()
        }
    }
    // ANCHOR_END: init-std

    /// PyTorch's recommended gain for an activation (`nn.init.calculate_gain`); GELU and SiLU,
    /// which PyTorch does not list, behave close enough to ReLU to share its √2.
    public static func gain(for activation: Activation) -> Float {
        switch activation {
        case .identity, .sigmoid: return 1
        case .tanh: return 5.0 / 3.0
        case .relu, .gelu, .geluTanh, .silu: return Float(2).squareRoot()
        }
    }

    /// Weights `[fanOut, fanIn]` drawn by this rule.
    public func sample(fanIn: Int, fanOut: Int, using rng: inout SplitMix64) -> Tensor {
        let std = standardDeviation(fanIn: fanIn, fanOut: fanOut)
        switch self {
        case .pytorchDefault, .xavierUniform, .kaimingUniform:
            let a = Float(3).squareRoot() * std
            return .uniform([fanOut, fanIn], low: -a, high: a, using: &rng)
        case .normal, .xavierNormal, .kaimingNormal:
            return .normal([fanOut, fanIn], std: std, using: &rng)
        }
    }
}
