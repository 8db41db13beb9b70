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
        // Either decay is folded into a constant so the inner loop has no branches and vectorizes:
        // AdamW multiplies θ by (1 − ηλ); Adam adds λθ to the gradient.
        let decay = decoupledWeightDecay ? 1 - learningRate * weightDecay : 1
        let l2 = decoupledWeightDecay ? 0 : weightDecay
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        let inverseCorrection2Root = 1 / correction2Root
        for (index, p) in parameters.enumerated() where p.requiresGrad {
            guard let grad = p.grad else { continue }
            grad.scalars.withUnsafeBufferPointer { g in
                firstMoments[index].withUnsafeMutableBufferPointer { m in
                    secondMoments[index].withUnsafeMutableBufferPointer { v in
                        p.value.scalars.withUnsafeMutableBufferPointer { theta in
                            let update = AdamUpdate(beta1: b1, beta2: b2, epsilon: eps, stepSize: stepSize,
                                                    inverseCorrection2Root: inverseCorrection2Root, decay: decay, l2: l2)
                            update.apply(g.baseAddress!, m.baseAddress!, v.baseAddress!, theta.baseAddress!, count: theta.count)
                        }
                    }
                }
            }
        }
    }
}

/// One Adam update over raw buffers, eight lanes at a time (the buffers are distinct, but the
/// compiler cannot know that, so the vector loop is written out).
struct AdamUpdate {
    let beta1: Float, beta2: Float, epsilon: Float, stepSize: Float
    let inverseCorrection2Root: Float, decay: Float, l2: Float

    @inline(__always)
    func lane<V: SIMD>(_ g: V, _ m: inout V, _ v: inout V, _ theta: inout V) where V.Scalar == Float {
        let gi = g + l2 * theta
        m = beta1 * m + (1 - beta1) * gi
        v = beta2 * v + (1 - beta2) * gi * gi
        theta = theta * decay - stepSize * m / (v.squareRoot() * inverseCorrection2Root + epsilon)
    }

    func apply(_ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>,
               _ theta: UnsafeMutablePointer<Float>, count: Int) {
        typealias V = SIMD8<Float>
        var i = 0
        while i &+ 8 <= count {
            let gv = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            var mv = UnsafeRawPointer(m + i).loadUnaligned(as: V.self)
            var vv = UnsafeRawPointer(v + i).loadUnaligned(as: V.self)
            var tv = UnsafeRawPointer(theta + i).loadUnaligned(as: V.self)
            lane(gv, &mv, &vv, &tv)
            UnsafeMutableRawPointer(m + i).storeBytes(of: mv, as: V.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vv, as: V.self)
            UnsafeMutableRawPointer(theta + i).storeBytes(of: tv, as: V.self)
            i &+= 8
        }
        while i < count {
            var mv = SIMD2<Float>(m[i], 0), vv = SIMD2<Float>(v[i], 0), tv = SIMD2<Float>(theta[i], 0)
            lane(SIMD2<Float>(g[i], 0), &mv, &vv, &tv)
            m[i] = mv[0]; v[i] = vv[0]; theta[i] = tv[0]
            i &+= 1
        }
    }
}
// ANCHOR_END: adam
