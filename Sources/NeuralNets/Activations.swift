import Foundation
import Autograd
import Tensors

/// Element-wise non-linearities, each as a function value and its derivative.
///
/// | name | f(x) | f′(x) |
/// |---|---|---|
/// | ReLU | max(x, 0) | 1 if x > 0 else 0 |
/// | tanh | tanh x | 1 − tanh²x |
/// | GELU (exact) | x·Φ(x), Φ(x) = ½(1 + erf(x/√2)) | Φ(x) + x·φ(x) |
/// | GELU (tanh) | ½x(1 + tanh(√(2/π)(x + 0.044715x³))) | see ``derivative(_:)`` |
/// | SiLU | x·σ(x) | σ(x)(1 + x(1 − σ(x))) |
///
/// GPT-2 uses the tanh approximation (Hugging Face calls it `gelu_new`); Llama uses SiLU.
public enum Activation: String, Sendable, CaseIterable {
    case identity, relu, tanh, gelu, geluTanh, silu

    /// f(x).
    @inlinable
    public func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .identity: return x
        case .relu: return Swift.max(x, 0)
        case .tanh: return Foundation.tanh(x)
        case .gelu: return 0.5 * x * (1 + erf(x * 0.70710678118654752))
        case .geluTanh:
            let inner = 0.79788456080286536 * (x + 0.044715 * x * x * x)
            return 0.5 * x * (1 + Foundation.tanh(inner))
        case .silu: return x / (1 + Foundation.exp(-x))
        }
    }

    /// f′(x).
    @inlinable
    public func derivative(_ x: Float) -> Float {
        switch self {
        case .identity: return 1
        case .relu: return x > 0 ? 1 : 0
        case .tanh:
            let t = Foundation.tanh(x)
            return 1 - t * t
        case .gelu:
            let cdf = 0.5 * (1 + erf(x * 0.70710678118654752))
            let pdf = 0.39894228040143268 * Foundation.exp(-0.5 * x * x)
            return cdf + x * pdf
        case .geluTanh:
            let c: Float = 0.79788456080286536
            let t = Foundation.tanh(c * (x + 0.044715 * x * x * x))
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
        case .silu:
            let s = 1 / (1 + Foundation.exp(-x))
            return s * (1 + x * (1 - s))
        }
    }
}

extension Tensor {
    /// The activation applied element-wise.
    public func applying(_ activation: Activation) -> Tensor {
        activation == .identity ? self : map { activation($0) }
    }
}

extension Variable {
    // ANCHOR: activation
    /// The activation applied element-wise; gradient `g · f′(x)`.
    public func applying(_ activation: Activation) -> Variable {
        if activation == .identity { return self }
        let x = value
        return Variable(value.applying(activation), operation: activation.rawValue, parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, x) { g, x in g * activation.derivative(x) })
        }
    }
    // ANCHOR_END: activation

    /// GELU, exact (`approximate: false`) or the tanh approximation GPT-2 uses.
    public func gelu(approximate: Bool = false) -> Variable { applying(approximate ? .geluTanh : .gelu) }
    /// SiLU (swish): x·σ(x).
    public func silu() -> Variable { applying(.silu) }
}

/// An activation as a module, for building models from a list of layers.
public final class ActivationLayer: Module {
    public let activation: Activation
    public init(_ activation: Activation) { self.activation = activation }
    public func callAsFunction(_ x: Variable) -> Variable { x.applying(activation) }
}
