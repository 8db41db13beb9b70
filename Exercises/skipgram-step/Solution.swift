import Foundation
import LLMCourseKit

// The reference answer, mirroring the course's skip-gram step
// (Sources/Demos/Fundamentals/SkipGram.swift, region "skipgram-step") without the update.
func skipGramLoss(centre v: [Double], context u: [Double], negatives: [[Double]])
    -> (loss: Double, dCentre: [Double], dContext: [Double], dNegatives: [[Double]]) {
    func sigmoid(_ s: Double) -> Double { 1 / (1 + exp(-s)) }
    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    var dCentre = v.map { _ in 0.0 }
    var loss = 0.0
    var grads: [[Double]] = []
    for (word, label) in [(u, 1.0)] + negatives.map({ ($0, 0.0) }) {
        let p = sigmoid(dot(word, v))
        loss -= label == 1 ? log(p) : log(1 - p)
        let g = p - label
        for i in v.indices { dCentre[i] += g * word[i] }
        grads.append(v.map { g * $0 })
    }
    return (loss, dCentre, grads[0], Array(grads.dropFirst()))
}
