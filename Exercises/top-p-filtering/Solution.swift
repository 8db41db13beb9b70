import Foundation
import LLMCourseKit

// The reference answer, mirroring the course's TopP processor
// (Sources/Decoding/Truncation.swift, region "top-p").
func topPFilter(_ scores: [Float], p: Float, minTokensToKeep: Int = 1) -> [Float] {
    var out = scores
    let ascending = scores.indices.sorted { scores[$0] < scores[$1] }
    let probabilities = Probabilities.softmax(ascending.map { scores[$0] })
    let tail = Float(1 - Double(p))
    var cumulative = 0.0
    for (rank, token) in ascending.enumerated() {
        cumulative += probabilities[rank]
        let protected = rank >= ascending.count - minTokensToKeep
        if Float(cumulative) <= tail && !protected { out[token] = -.infinity }
    }
    return out
}
