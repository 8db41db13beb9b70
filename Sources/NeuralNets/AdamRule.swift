import Foundation

/// One Adam or AdamW update of a single parameter array, written one element at a time.
///
/// This is the rule ``Adam`` applies (eight lanes at a time) to every parameter, in its most
/// readable form; the tests check that both agree and that both match `torch.optim.Adam` and
/// `torch.optim.AdamW`. At step `t` (counting from 1) with gradient `g`:
/// ```
/// g  ← g + λ·θ                      Adam: L2 weight decay enters the gradient
/// θ  ← θ·(1 − η·λ)                  AdamW: decoupled decay shrinks the weights instead
/// m  ← β₁·m + (1 − β₁)·g            running mean of gradients         (m₀ = 0)
/// v  ← β₂·v + (1 − β₂)·g²           running mean of squared gradients (v₀ = 0)
/// m̂  = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   bias correction: m and v started at 0
/// θ  ← θ − η · m̂ / (√v̂ + ε)
/// ```
/// Shapes: `theta`, `grad`, `m` and `v` all have the same length.
///
/// ```swift
/// let rule = AdamRule(learningRate: 0.01, weightDecay: 0.1, decoupled: true)   // AdamW
/// var m = [Float](repeating: 0, count: 3), v = m
/// let theta = rule.update(theta: [1, -2, 0.5], grad: [0.1, -0.3, 2], m: &m, v: &v, step: 1)
/// ```
public struct AdamRule: Sendable {
    public var learningRate: Float
    public var beta1: Float, beta2: Float, epsilon: Float
    public var weightDecay: Float
    /// True for AdamW: the decay multiplies the weights rather than joining the gradient.
    public var decoupled: Bool

    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
                weightDecay: Float = 0, decoupled: Bool = false) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
    }

    // ANCHOR: adam-update
    /// The parameters after step `step` (1, 2, …); `m` and `v` are updated in place.
    public func update(theta: [Float], grad: [Float], m: inout [Float], v: inout [Float], step: Int) -> [Float] {
        precondition(step >= 1, "AdamRule.update: steps count from 1, got \(step)")
        precondition(grad.count == theta.count && m.count == theta.count && v.count == theta.count,
                     "AdamRule.update: theta, grad, m and v must have equal lengths")
        // Bias corrections, in Double like PyTorch's: β₂ᵗ is close to 1 for many steps.
        let correction1 = Float(1 - Foundation.pow(Double(beta1), Double(step)))
        let correction2 = Float(1 - Foundation.pow(Double(beta2), Double(step)))
        var out = theta
        for i in theta.indices {
            var g = grad[i]
            if decoupled {
                out[i] *= 1 - learningRate * weightDecay       // AdamW: shrink the weight
            } else {
                g += weightDecay * theta[i]                    // Adam: L2 term in the gradient
            }
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            let mHat = m[i] / correction1
            let vHat = v[i] / correction2
            out[i] -= learningRate * mHat / (vHat.squareRoot() + epsilon)
        }
        return out
    }
    // ANCHOR_END: adam-update
}
