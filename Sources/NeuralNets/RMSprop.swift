import Autograd
import Tensors

/// RMSprop (Hinton, Coursera lecture 6e, 2012) with PyTorch's semantics (`torch.optim.RMSprop`,
/// not centered).
///
/// With gradient `g`, learning rate `η`, smoothing `α`, `ε`, weight decay `λ` and momentum `μ`:
/// ```
/// g ← g + λ·θ                     (L2 weight decay, when λ > 0)
/// v ← α·v + (1 − α)·g²            (running mean of squared gradients, v₀ = 0)
/// u ← g / (√v + ε)                (each coordinate divided by its own typical size)
/// b ← μ·b + u;  θ ← θ − η·b       (with momentum; without: θ ← θ − η·u)
/// ```
/// Dividing by the root-mean-square makes the step size about `η` in every coordinate,
/// whether its gradients are large or tiny. Unlike Adam there is no bias correction: `v`
/// starts at 0, so the first steps are larger (`1/√(1 − α)` = 10 times for α = 0.99).
/// Shapes: `v` and `b` have their parameter's shape.
///
/// ```swift
/// let rmsprop = RMSprop(model.parameters(), learningRate: 0.01)
/// ```
public final class RMSprop: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Float
    public let alpha: Float, epsilon: Float
    public let weightDecay: Float, momentum: Float
    private var squareAverages: [[Float]]
    private var buffers: [[Float]]

    public init(_ parameters: [Variable], learningRate: Float = 0.01, alpha: Float = 0.99, epsilon: Float = 1e-8,
                weightDecay: Float = 0, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        squareAverages = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        buffers = parameters.map { [Float](repeating: 0, count: $0.value.count) }
    }

    // ANCHOR: rmsprop-step
    public func step() {
        for (index, p) in parameters.enumerated() where p.requiresGrad {
            guard let grad = p.grad else { continue }
            let theta = p.value.scalars
            var updated = theta
            for i in theta.indices {
                let g = grad.scalars[i] + weightDecay * theta[i]
                squareAverages[index][i] = alpha * squareAverages[index][i] + (1 - alpha) * g * g
                let u = g / (squareAverages[index][i].squareRoot() + epsilon)
                if momentum != 0 {
                    buffers[index][i] = momentum * buffers[index][i] + u
                    updated[i] -= learningRate * buffers[index][i]
                } else {
                    updated[i] -= learningRate * u
                }
            }
            p.value = Tensor(shape: p.value.shape, scalars: updated)
        }
    }
    // ANCHOR_END: rmsprop-step
}
