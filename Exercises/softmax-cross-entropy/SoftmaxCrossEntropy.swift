import Foundation
import LLMCourseKit

/// Probabilities from scores: `softmax(z)ᵢ = exp(zᵢ − m) / Σⱼ exp(zⱼ − m)` with `m = max z`.
/// Subtracting `m` changes nothing mathematically and keeps `exp` from overflowing.
func softmax(_ z: [Double]) -> [Double] {
    // TODO: shift by the largest score, exponentiate, normalize.
    return z
}

/// Mean cross-entropy of `N` rows of logits `[N][C]` with one label per row, and its gradient:
///
///     loss = −(1/N) Σₙ log softmax(logitsₙ)[labelₙ]
///     ∂loss/∂logitsₙ = (softmax(logitsₙ) − onehot(labelₙ)) / N
func crossEntropy(logits: [[Double]], labels: [Int]) -> (loss: Double, gradient: [[Double]]) {
    // TODO: use softmax for each row; the gradient has the shape of logits.
    return (0, logits)
}
