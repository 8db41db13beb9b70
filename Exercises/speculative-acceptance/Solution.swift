import Foundation
import LLMCourseKit

// The reference answer, mirroring the course's speculative sampling rule
// (Sources/Decoding/SpeculativeRule.swift, region "acceptance").
func acceptanceProbability(token x: Int, target p: [Double], draft q: [Double]) -> Double {
    guard q[x] > 0 else { return 1 }
    return min(1, p[x] / q[x])
}

func residualDistribution(target p: [Double], draft q: [Double]) -> [Double] {
    let excess = zip(p, q).map { max(0, $0 - $1) }
    let total = excess.reduce(0, +)
    return total > 0 ? excess.map { $0 / total } : p
}
