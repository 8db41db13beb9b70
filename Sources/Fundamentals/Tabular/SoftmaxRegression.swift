import Foundation

/// Multinomial logistic regression (softmax regression): `K` classes, `d` features, trained by
/// full-batch gradient descent.
///
/// ```text
/// z = xW + b                 x [d], W [d, K], b [K] → logits z [K]
/// p = softmax(z)             p_k = e^{z_k} / Σ_j e^{z_j}
/// L = −(1/n) Σ_i log p_{i, y_i} + (λ/2) ‖W‖²
/// ∂L/∂z_i = (p_i − onehot(y_i)) / n
/// ∂L/∂W = Xᵀ (P − Y) / n + λW,   ∂L/∂b = Σ_i (p_i − onehot(y_i)) / n
/// ```
///
/// The penalty `λ` keeps the weights finite when some classes are separable (Iris's setosa is:
/// without it the loss keeps falling as the weights grow forever). scikit-learn's
/// `LogisticRegression(C=…)` minimizes `C · Σ_i CE_i + ½‖W‖²`, which is `n·C` times this loss
/// with `λ = 1 / (n·C)` (``l2(forC:samples:)``), and it does not penalize the intercept either,
/// so both find the same minimum.
///
/// ```swift
/// var model = SoftmaxRegression(features: 4, classes: 3, l2: SoftmaxRegression.l2(forC: 1, samples: 120))
/// let losses = model.fit(xTrain, labels: yTrain, learningRate: 0.5, steps: 2000)
/// let predicted = model.predict(xTest)
/// ```
public struct SoftmaxRegression: Sendable, Equatable {
    /// `W`, `[d][K]`.
    public var weights: [[Double]]
    /// `b`, `[K]`.
    public var biases: [Double]
    /// `λ`, the L2 penalty on the weights (not on the biases).
    public var l2: Double

    /// All-zero weights and biases: the loss is convex, so no random start is needed.
    public init(features: Int, classes: Int, l2: Double = 0) {
        self.init(weights: Array(repeating: Array(repeating: 0, count: classes), count: features),
                  biases: Array(repeating: 0, count: classes), l2: l2)
    }

    public init(weights: [[Double]], biases: [Double], l2: Double = 0) {
        precondition(weights.allSatisfy { $0.count == biases.count }, "SoftmaxRegression: every weight row needs \(biases.count) classes")
        self.weights = weights
        self.biases = biases
        self.l2 = l2
    }

    /// The `λ` that makes this model's minimum scikit-learn's `LogisticRegression(C: c)` minimum
    /// on `samples` training rows.
    public static func l2(forC c: Double, samples: Int) -> Double { 1 / (c * Double(samples)) }

    public var featureCount: Int { weights.count }
    public var classCount: Int { biases.count }

    /// The logits `z = xW + b` for one row.
    public func logits(_ row: [Double]) -> [Double] {
        precondition(row.count == featureCount, "SoftmaxRegression: a row of \(row.count) values for \(featureCount) features")
        var z = biases
        for j in 0..<featureCount { for k in 0..<classCount { z[k] += row[j] * weights[j][k] } }
        return z
    }

    /// Class probabilities for one row: `softmax(xW + b)`.
    public func probabilities(_ row: [Double]) -> [Double] { SoftmaxRegression.softmax(logits(row)) }

    /// `softmax(z)`, computed after subtracting the largest logit so `exp` cannot overflow.
    public static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The most probable class of each row.
    public func predict(_ rows: [[Double]]) -> [Int] {
        rows.map { row in
            let p = probabilities(row)
            return p.indices.max { p[$0] < p[$1] } ?? 0
        }
    }

    // ANCHOR: gradient
    /// The loss `L` on `rows` (`[n][d]`) with integer `labels` (`[n]`, in `0..<K`), and its
    /// gradients with respect to `W` (`[d][K]`) and `b` (`[K]`).
    public func lossAndGradients(_ rows: [[Double]], labels: [Int]) -> (loss: Double, weights: [[Double]], biases: [Double]) {
        precondition(rows.count == labels.count && !rows.isEmpty, "SoftmaxRegression: \(rows.count) rows, \(labels.count) labels")
        let n = Double(rows.count)
        var loss = 0.0
        var gradW = weights.map { $0.map { l2 * $0 } }      // ∂(λ/2 ‖W‖²)/∂W = λW
        var gradB = [Double](repeating: 0, count: classCount)
        for (row, label) in zip(rows, labels) {
            let z = logits(row), top = z.max() ?? 0
            // −log p_y = log Σ_j e^{z_j − top} − (z_y − top): exact even when p_y underflows to 0.
            loss += log(z.reduce(0) { $0 + exp($1 - top) }) - (z[label] - top)
            var delta = SoftmaxRegression.softmax(z)         // p − onehot(y): ∂CE/∂z
            delta[label] -= 1
            for k in 0..<classCount {
                gradB[k] += delta[k] / n
                for j in 0..<featureCount { gradW[j][k] += row[j] * delta[k] / n }
            }
        }
        let penalty = 0.5 * l2 * weights.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
        return (loss / n + penalty, gradW, gradB)
    }

    /// One gradient-descent step, `θ ← θ − η ∂L/∂θ`; returns the loss before the step.
    @discardableResult
    public mutating func step(_ rows: [[Double]], labels: [Int], learningRate: Double) -> Double {
        let (loss, gradW, gradB) = lossAndGradients(rows, labels: labels)
        for j in 0..<featureCount { for k in 0..<classCount { weights[j][k] -= learningRate * gradW[j][k] } }
        for k in 0..<classCount { biases[k] -= learningRate * gradB[k] }
        return loss
    }
    // ANCHOR_END: gradient

    /// The loss alone.
    public func loss(_ rows: [[Double]], labels: [Int]) -> Double { lossAndGradients(rows, labels: labels).loss }

    /// `steps` gradient-descent steps; returns the loss before each one.
    @discardableResult
    public mutating func fit(_ rows: [[Double]], labels: [Int], learningRate: Double, steps: Int) -> [Double] {
        (0..<steps).map { _ in step(rows, labels: labels, learningRate: learningRate) }
    }
}
