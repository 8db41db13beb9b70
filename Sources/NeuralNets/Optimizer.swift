import Autograd
import Tensors

/// Something that updates parameters from their gradients.
///
/// A training step is: `optimizer.zeroGrad()`, forward, `loss.backward()`, `optimizer.step()`.
/// Parameters whose `requiresGrad` is false, or that received no gradient, are left alone.
public protocol Optimizer: AnyObject {
    /// The parameters being trained.
    var parameters: [Variable] { get }
    /// Step size; a schedule may change it between steps.
    var learningRate: Float { get set }
    /// Applies one update.
    func step()
}

extension Optimizer {
    /// Clears every parameter's gradient.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Stochastic gradient descent with optional momentum and (L2) weight decay, as in PyTorch's `SGD`.
///
/// `d = ∇ + λ·θ`; with momentum μ: `b = μ·b + d` (the first step `b = d`); `θ ← θ − η·b`.
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

    public func step() {
        for (i, p) in parameters.enumerated() where p.requiresGrad {
            guard var d = p.grad else { continue }
            if weightDecay != 0 { d.add(p.value, scaledBy: weightDecay) }
            if momentum != 0 {
                if var b = velocity[i] {
                    velocity[i] = nil          // keep the buffer uniquely referenced: updated in place
                    b.scale(by: momentum)
                    b.add(d)
                    d = b
                }
                velocity[i] = d
            }
            p.value.add(d, scaledBy: -learningRate)
        }
    }
}
