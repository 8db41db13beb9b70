import Foundation
import Autograd
import Tensors

/// Element-wise non-linearities, each as a function value and its derivative.
///
/// | name | f(x) | f′(x) |
/// |---|---|---|
/// | sigmoid | σ(x) = 1/(1 + e⁻ˣ) | σ(x)(1 − σ(x)) |
/// | ReLU | max(x, 0) | 1 if x > 0 else 0 |
/// | tanh | tanh x | 1 − tanh²x |
/// | GELU (exact) | x·Φ(x), Φ(x) = ½(1 + erf(x/√2)) | Φ(x) + x·φ(x) |
/// | GELU (tanh) | ½x(1 + tanh(√(2/π)(x + 0.044715x³))) | see ``derivative(_:)`` |
/// | SiLU | x·σ(x) | σ(x)(1 + x(1 − σ(x))) |
///
/// GPT-2 uses the tanh approximation (Hugging Face calls it `gelu_new`); Llama uses SiLU.
public enum Activation: String, Sendable, CaseIterable {
    case identity, relu, tanh, gelu, geluTanh, silu, sigmoid

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
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
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
        case .sigmoid:
            let s = 1 / (1 + Foundation.exp(-x))
            return s * (1 - s)
        }
    }
}

extension Tensor {
    /// The activation applied element-wise.
    public func applying(_ activation: Activation) -> Tensor {
        activation == .identity ? self : map { activation($0) }
    }

    /// The same values as ``applying(_:)``, eight lanes at a time where a vector kernel exists
    /// (GELU-tanh, through ``FastMath/tanh(_:)``; about 10⁻⁷ from the scalar definition).
    public func applyingVectorised(_ activation: Activation) -> Tensor {
        guard activation == .geluTanh else { return applying(activation) }
        return Tensor(shape: shape) { out in
            scalars.withUnsafeBufferPointer { input in
                FastMath.forEachVector(count, input.baseAddress!, out.baseAddress!) { Activation.geluTanh($0).value }
            }
        }
    }
}

extension Activation {
    /// GELU-tanh of eight lanes and its derivative, from one `tanh`:
    /// `u = √(2/π)(x + 0.044715x³)`, `t = tanh u`, `f = ½x(1 + t)`,
    /// `f′ = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²)`.
    @inlinable @inline(__always)
    static func geluTanh(_ x: FastMath.Vector) -> (value: FastMath.Vector, derivative: FastMath.Vector) {
        typealias V = FastMath.Vector
        let c = V(repeating: 0.79788456080286536), half = V(repeating: 0.5), one = V(repeating: 1)
        let x2: V = x * x
        let cubic: V = V(repeating: 0.044715) * x2 * x
        let t: V = FastMath.tanh(c * (x + cubic))
        let halfOnePlusT: V = half * (one + t)
        let value: V = x * halfOnePlusT
        let slope: V = c * (one + V(repeating: 3 * 0.044715) * x2)
        let derivative: V = halfOnePlusT + half * x * (one - t * t) * slope
        return (value, derivative)
    }

    /// `g · f′(x)` element-wise (`g` and `x` of equal shapes): the backward pass of an activation,
    /// vectorized for GELU-tanh and written with ``derivative(_:)`` otherwise.
    public func backwardVectorised(_ g: Tensor, input x: Tensor) -> Tensor {
        precondition(g.shape == x.shape, "Activation.backwardVectorised: gradient \(g.shape) and input \(x.shape) differ")
        guard self == .geluTanh else { return Tensor.zipBroadcast(g, x) { g, x in g * self.derivative(x) } }
        return Tensor(shape: x.shape) { out in
            x.scalars.withUnsafeBufferPointer { xs in
                g.scalars.withUnsafeBufferPointer { gs in
                    let count = out.count
                    var i = 0
                    while i + 8 <= count {
                        let xv = UnsafeRawPointer(xs.baseAddress! + i).loadUnaligned(as: FastMath.Vector.self)
                        let gv = UnsafeRawPointer(gs.baseAddress! + i).loadUnaligned(as: FastMath.Vector.self)
                        UnsafeMutableRawPointer(out.baseAddress! + i).storeBytes(of: gv * Activation.geluTanh(xv).derivative,
                                                                                as: FastMath.Vector.self)
                        i += 8
                    }
                    while i < count { out[i] = gs[i] * derivative(xs[i]); i += 1 }
                }
            }
        }
    }
}

extension Variable {
    // ANCHOR: activation
    /// The activation applied element-wise; gradient `g · f′(x)`.
    public func applying(_ activation: Activation) -> Variable {
        if activation == .identity { return self }
        let x = value
        return Variable(value.applyingVectorised(activation), operation: activation.rawValue, parents: [self]) { g in
            self.accumulateGrad(activation.backwardVectorised(g, input: x))
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
