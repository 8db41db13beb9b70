import Foundation
import LLMCourseKit

/// One Adam update (or AdamW, when `decoupled` is true) of a parameter array at step `step`
/// (1 for the first update). `m` and `v` are the running means of the gradient and of its
/// square from the previous step (all zeros before the first). Returns the new parameters and
/// the new `m` and `v`. All arrays have the same length.
///
/// ```
/// Adam:   g ← g + λ·θ                 AdamW:  θ ← θ·(1 − η·λ)
/// m ← β₁·m + (1 − β₁)·g
/// v ← β₂·v + (1 − β₂)·g²
/// m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
/// θ ← θ − η · m̂ / (√v̂ + ε)
/// ```
func adamStep(theta: [Float], grad: [Float], m: [Float], v: [Float], step: Int,
              learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
              weightDecay: Float, decoupled: Bool) -> (theta: [Float], m: [Float], v: [Float]) {
    // TODO: apply the weight decay the way the chosen variant does (gradient or weights).
    // TODO: update m and v, correct their bias, and take the step.
    return (theta, m, v)
}
