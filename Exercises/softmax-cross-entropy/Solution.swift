import Foundation
import LLMCourseKit

// The reference answer, mirroring the course's cross-entropy
// (Sources/NeuralNets/Losses.swift, region "crossEntropy"): a stable softmax per row, the mean
// negative log-probability of the labels, and the gradient (softmax − one-hot) / N.
func softmax(_ z: [Double]) -> [Double] {
    let m = z.max() ?? 0
    let e = z.map { exp($0 - m) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
}

func crossEntropy(logits: [[Double]], labels: [Int]) -> (loss: Double, gradient: [[Double]]) {
    let n = Double(logits.count)
    var loss = 0.0
    var gradient: [[Double]] = []
    for (row, label) in zip(logits, labels) {
        var p = softmax(row)
        loss -= log(p[label]) / n
        p[label] -= 1
        gradient.append(p.map { $0 / n })
    }
    return (loss, gradient)
}
