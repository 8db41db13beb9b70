import Foundation
import LLMCourseKit

/// One full-batch gradient-descent step of softmax (multinomial logistic) regression.
///
/// - weights: W, [d][K] (d features, K classes); biases: b, [K]
/// - rows: X, [n][d]; labels: y, [n], each in 0..<K
/// - Loss before the step: L = −(1/n) Σ_i log softmax(x_i W + b)[y_i] + (λ/2) Σ W²
///   (the biases are not penalized).
///
/// Returns the weights and biases after θ ← θ − learningRate · ∂L/∂θ, and L before the step.
func softmaxStep(weights: [[Double]], biases: [Double], rows: [[Double]], labels: [Int],
                 learningRate: Double, l2: Double) -> (weights: [[Double]], biases: [Double], loss: Double) {
    // TODO: probabilities per row, the loss, the gradients (p − onehot(y)) / n, then the update.
    return (weights, biases, 0)
}
