import Tensors

/// Softmax and log-softmax with their gradients (along one axis, default the last).
extension Variable {
    // ANCHOR: softmax
    /// `yᵢ = exp(xᵢ) / Σⱼ exp(xⱼ)`. Gradient: `∂L/∂xᵢ = yᵢ (gᵢ − Σⱼ gⱼ yⱼ)` — the Jacobian
    /// `diag(y) − y yᵀ` applied to `g` without building it.
    public func softmax(axis: Int = -1) -> Variable {
        let y = value.softmax(axis: axis)
        return Variable(y, operation: "softmax", parents: [self]) { g in
            let dot = (g * y).sum(axis: axis, keepDims: true)
            self.accumulateGrad(y * (g - dot))
        }
    }
    // ANCHOR_END: softmax

    /// `log softmax(x)ᵢ = xᵢ − log Σⱼ exp(xⱼ)`. Gradient: `gᵢ − softmax(x)ᵢ · Σⱼ gⱼ`.
    public func logSoftmax(axis: Int = -1) -> Variable {
        let y = value.logSoftmax(axis: axis)
        return Variable(y, operation: "log-softmax", parents: [self]) { g in
            let total = g.sum(axis: axis, keepDims: true)
            self.accumulateGrad(g - y.exp() * total)
        }
    }
}
