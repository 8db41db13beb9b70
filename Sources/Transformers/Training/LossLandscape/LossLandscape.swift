import Autograd
import Tensors

/// The loss around trained weights θ* along two directions δ and η:
///
///     f(α, β) = L(θ* + α·δ + β·η)
///
/// evaluated on a grid by writing θ* + α·δ + β·η into the parameters in place, calling
/// `loss`, and putting θ* back bit for bit afterwards (a saved copy, not a subtraction, so no
/// rounding is left behind). `f(0, 0)` is the trained loss exactly: θ* + 0·δ + 0·η = θ*.
///
/// ```swift
/// let landscape = LossLandscape(parameters: model.trainableParameters()) {
///     Double(trainer.evaluationLoss(heldOut, windows: 8))
/// }
/// let delta = FilterNormalizedDirection(landscape.parameters, seed: 1)
/// let eta = FilterNormalizedDirection(landscape.parameters, seed: 2)
/// let grid = landscape.surface(delta, eta, alphas: steps, betas: steps)   // [betas][alphas]
/// ```
public struct LossLandscape {
    /// The parameters moved (their current values are θ*).
    public let parameters: [Variable]
    /// The loss of the model as the parameters stand, e.g. the mean loss on a fixed held-out batch.
    public let loss: () -> Double

    public init(parameters: [Variable], loss: @escaping () -> Double) {
        self.parameters = parameters
        self.loss = loss
    }

    // ANCHOR: surface
    /// `f(α, β)` for every pair: row `j` holds `betas[j]`, column `i` holds `alphas[i]`.
    public func surface(_ delta: FilterNormalizedDirection, _ eta: FilterNormalizedDirection,
                        alphas: [Double], betas: [Double]) -> [[Double]] {
        let trained = parameters.map(\.value)                 // θ*, restored below
        defer { for (p, value) in zip(parameters, trained) { p.value = value } }
        return betas.map { beta in
            alphas.map { alpha in
                for (k, p) in parameters.enumerated() {
                    // θ* + α·δ + β·η, written into the parameter's own storage
                    let (theta, d, e) = (trained[k].scalars, delta.components[k].scalars, eta.components[k].scalars)
                    let (a, b) = (Float(alpha), Float(beta))
                    p.value.scalars.withUnsafeMutableBufferPointer { out in
                        for i in out.indices { out[i] = theta[i] + a * d[i] + b * e[i] }
                    }
                }
                return loss()
            }
        }
    }
    // ANCHOR_END: surface

    /// The 1-D slice `L(θ* + α·δ)` for each α.
    public func slice(_ delta: FilterNormalizedDirection, alphas: [Double]) -> [Double] {
        let none = FilterNormalizedDirection(components: delta.components.map { Tensor.zeros($0.shape) })
        return surface(delta, none, alphas: alphas, betas: [0])[0]
    }

    /// The loss at one point `(α, β)`.
    public func loss(at alpha: Double, _ beta: Double, _ delta: FilterNormalizedDirection,
                     _ eta: FilterNormalizedDirection) -> Double {
        surface(delta, eta, alphas: [alpha], betas: [beta])[0][0]
    }
}
