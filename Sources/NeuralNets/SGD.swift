import Autograd
import Tensors

/// Stochastic gradient descent with optional momentum and (L2) weight decay, as in PyTorch's `SGD`.
///
/// With gradient `g`, learning rate `η`, momentum `μ` and weight decay `λ`, every step is
/// ```
/// d ← g + λ·θ                   (L2 weight decay folded into the gradient)
/// b ← μ·b + d                   (momentum buffer; the first step sets b ← d)
/// θ ← θ − η·b                   (plain SGD when μ = 0: θ ← θ − η·d)
/// ```
/// Momentum is a running sum of past gradients: along a direction where the gradient keeps its
/// sign the steps grow towards `η/(1 − μ)` times the gradient; along one where it flips they
/// cancel. Shapes: every buffer has its parameter's shape.
///
/// ```swift
/// let sgd = SGD(model.parameters(), learningRate: 0.1, momentum: 0.9)
/// ```
public final class SGD: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Float
    public let momentum: Float
    public let weightDecay: Float
    private var velocity: [Tensor?]

    public init(_ parameters: [Variable], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocity = Array(repeating: nil, count: parameters.count)
    }

    // ANCHOR: sgd-step
    public func step() {
        for (i, p) in parameters.enumerated() where p.requiresGrad {
            guard var d = p.grad else { continue }
            if weightDecay != 0 { d.add(p.value, scaledBy: weightDecay) }   // d = g + λθ
            if momentum != 0 {
                if var b = velocity[i] {
                    velocity[i] = nil          // keep the buffer uniquely referenced: updated in place
                    b.scale(by: momentum)      // b = μb + d
                    b.add(d)
                    d = b
                }
                velocity[i] = d                // the first step: b = d
            }
            p.value.add(d, scaledBy: -learningRate)                          // θ = θ − ηb
        }
    }
    // ANCHOR_END: sgd-step
}
