import Tensors

/// Element-wise arithmetic with broadcasting, each with its gradient.
///
/// When an operand was broadcast (say a bias `[C]` added to `[N, C]`), every copy of it
/// received gradient, so its gradient is the incoming one summed back to its own shape.
extension Variable {
    // ANCHOR: add
    /// `a + b`: ∂/∂a = 1, ∂/∂b = 1.
    public static func + (a: Variable, b: Variable) -> Variable {
        Variable(a.value + b.value, operation: "add", parents: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad(g.sum(toShape: a.shape)) }
            if b.requiresGrad { b.accumulateGrad(g.sum(toShape: b.shape)) }
        }
    }
    // ANCHOR_END: add

    /// `a − b`: ∂/∂a = 1, ∂/∂b = −1.
    public static func - (a: Variable, b: Variable) -> Variable {
        Variable(a.value - b.value, operation: "sub", parents: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad(g.sum(toShape: a.shape)) }
            if b.requiresGrad { b.accumulateGrad((-g).sum(toShape: b.shape)) }
        }
    }

    // ANCHOR: mul
    /// `a · b` element-wise: ∂/∂a = b, ∂/∂b = a.
    public static func * (a: Variable, b: Variable) -> Variable {
        Variable(a.value * b.value, operation: "mul", parents: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad((g * b.value).sum(toShape: a.shape)) }
            if b.requiresGrad { b.accumulateGrad((g * a.value).sum(toShape: b.shape)) }
        }
    }
    // ANCHOR_END: mul

    /// `a / b`: ∂/∂a = 1/b, ∂/∂b = −a/b².
    public static func / (a: Variable, b: Variable) -> Variable {
        Variable(a.value / b.value, operation: "div", parents: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad((g / b.value).sum(toShape: a.shape)) }
            if b.requiresGrad {
                let db = Tensor.zipBroadcast(g * a.value, b.value) { ga, bv in -ga / (bv * bv) }
                b.accumulateGrad(db.sum(toShape: b.shape))
            }
        }
    }

    /// `−a`.
    public static prefix func - (a: Variable) -> Variable {
        Variable(-a.value, operation: "neg", parents: [a]) { g in a.accumulateGrad(-g) }
    }

    /// `a + s`.
    public static func + (a: Variable, s: Float) -> Variable {
        Variable(a.value + s, operation: "add-scalar", parents: [a]) { g in a.accumulateGrad(g) }
    }
    public static func + (s: Float, a: Variable) -> Variable { a + s }
    /// `a − s`.
    public static func - (a: Variable, s: Float) -> Variable { a + (-s) }
    /// `s − a`.
    public static func - (s: Float, a: Variable) -> Variable {
        Variable(s - a.value, operation: "rsub-scalar", parents: [a]) { g in a.accumulateGrad(-g) }
    }
    /// `a · s`.
    public static func * (a: Variable, s: Float) -> Variable {
        Variable(a.value * s, operation: "mul-scalar", parents: [a]) { g in a.accumulateGrad(g * s) }
    }
    public static func * (s: Float, a: Variable) -> Variable { a * s }
    /// `a / s`.
    public static func / (a: Variable, s: Float) -> Variable { a * (1 / s) }

    /// `a` with a constant tensor added (broadcast), e.g. an attention mask of `-∞`.
    public static func + (a: Variable, t: Tensor) -> Variable { a + Variable(t) }
    /// `a` times a constant tensor (broadcast), e.g. a dropout mask.
    public static func * (a: Variable, t: Tensor) -> Variable { a * Variable(t) }
}
