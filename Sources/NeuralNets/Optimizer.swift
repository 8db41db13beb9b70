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
