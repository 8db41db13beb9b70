import Foundation
import Tensors

/// Element-wise functions and their derivatives.
extension Variable {
    /// eˣ; derivative eˣ (the output itself).
    public func exp() -> Variable {
        let out = value.exp()
        return Variable(out, operation: "exp", parents: [self]) { g in self.accumulateGrad(g * out) }
    }

    /// ln x; derivative 1/x.
    public func log() -> Variable {
        Variable(value.log(), operation: "log", parents: [self]) { g in self.accumulateGrad(g / self.value) }
    }

    /// √x; derivative 1/(2√x).
    public func sqrt() -> Variable {
        let out = value.sqrt()
        return Variable(out, operation: "sqrt", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, out) { g, y in g * 0.5 / y })
        }
    }

    /// xᵖ; derivative p·xᵖ⁻¹.
    public func pow(_ p: Float) -> Variable {
        Variable(value.pow(p), operation: "pow", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, self.value) { g, x in g * p * Foundation.pow(x, p - 1) })
        }
    }

    /// x²; derivative 2x.
    public func squared() -> Variable {
        Variable(value.squared(), operation: "square", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, self.value) { g, x in 2 * g * x })
        }
    }

    // ANCHOR: tanh
    /// tanh x; derivative 1 − tanh²x (from the output, no second `tanh`).
    public func tanh() -> Variable {
        let out = value.tanh()
        return Variable(out, operation: "tanh", parents: [self]) { g in
            self.accumulateGrad(Variable.tanhBackward(output: out, upstream: g))
        }
    }

    /// ∂L/∂x = g · (1 − y²) for y = tanh x, elementwise: the backward pass
    /// needs only the output.
    public static func tanhBackward(output y: Tensor, upstream g: Tensor) -> Tensor {
        Tensor.zipBroadcast(g, y) { g, y in g * (1 - y * y) }
    }
    // ANCHOR_END: tanh

    /// σ(x) = 1/(1 + e⁻ˣ); derivative σ(x)(1 − σ(x)).
    public func sigmoid() -> Variable {
        let out = value.sigmoid()
        return Variable(out, operation: "sigmoid", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, out) { g, y in g * y * (1 - y) })
        }
    }

    /// max(x, 0); derivative 1 where x > 0, else 0.
    public func relu() -> Variable {
        let out = value.relu()
        return Variable(out, operation: "relu", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, out) { g, y in y > 0 ? g : 0 })
        }
    }

    /// |x|; derivative sign(x) (0 at 0).
    public func abs() -> Variable {
        Variable(value.abs(), operation: "abs", parents: [self]) { g in
            self.accumulateGrad(Tensor.zipBroadcast(g, self.value) { g, x in x > 0 ? g : (x < 0 ? -g : 0) })
        }
    }
}
