import Foundation
import Autograd
import Tensors

// ANCHOR: adam
/// Adam (Kingma & Ba 2015) and AdamW (Loshchilov & Hutter 2019), with PyTorch's semantics.
///
/// At step `t` with gradient `g`:
/// ```
/// m ← β₁·m + (1 − β₁)·g                 (mean of gradients)
/// v ← β₂·v + (1 − β₂)·g²                (mean of squared gradients)
/// θ ← θ − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
/// ```
/// Weight decay λ differs between the two:
/// - **Adam**: L2 — `g ← g + λ·θ` before the moments (decay is rescaled by the adaptive step).
/// - **AdamW**: decoupled — `θ ← θ·(1 − η·λ)` before the update, independent of the gradient scale.
///
/// ```swift
/// let optimizer = Adam(model.parameters(), learningRate: 1e-3)
/// let optimizerW = Adam.adamW(model.parameters(), learningRate: 6e-4, weightDecay: 0.1)
/// ```
public final class Adam: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float
    public let weightDecay: Float
    /// True for AdamW's decoupled weight decay.
    public let decoupledWeightDecay: Bool
    /// Number of steps taken so far (`t`).
    public private(set) var stepCount = 0
    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]

    public init(_ parameters: [Variable], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupledWeightDecay: Bool = false) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.value.count) }
    }

    /// AdamW: Adam with decoupled weight decay (PyTorch's default λ is 0.01).
    public static func adamW(_ parameters: [Variable], learningRate: Float = 1e-3, beta1: Float = 0.9,
                             beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01) -> Adam {
        Adam(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
             weightDecay: weightDecay, decoupledWeightDecay: true)
    }

    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = Float(1 - Foundation.pow(Double(beta1), t))
        let correction2Root = Float((1 - Foundation.pow(Double(beta2), t)).squareRoot())
        let stepSize = learningRate / correction1
        let (b1, b2, eps, lr, wd, decoupled) = (beta1, beta2, epsilon, learningRate, weightDecay, decoupledWeightDecay)
        for (index, p) in parameters.enumerated() where p.requiresGrad {
            guard let grad = p.grad else { continue }
            grad.scalars.withUnsafeBufferPointer { g in
                firstMoments[index].withUnsafeMutableBufferPointer { m in
                    secondMoments[index].withUnsafeMutableBufferPointer { v in
                        p.value.scalars.withUnsafeMutableBufferPointer { theta in
                            for i in 0..<theta.count {
                                var gi = g[i]
                                if wd != 0 {
                                    if decoupled { theta[i] *= 1 - lr * wd } else { gi += wd * theta[i] }
                                }
                                m[i] = b1 * m[i] + (1 - b1) * gi
                                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                theta[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2Root + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
// ANCHOR_END: adam
