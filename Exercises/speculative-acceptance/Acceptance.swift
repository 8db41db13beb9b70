import Foundation
import LLMCourseKit

/// The probability of keeping the draft's token `x`: `min(1, p(x) / q(x))`, where `p` is the
/// target model's distribution and `q` the draft's. (The draft only proposes tokens with
/// `q(x) > 0`; if `q(x)` is 0 anyway, return 1.)
func acceptanceProbability(token x: Int, target p: [Double], draft q: [Double]) -> Double {
    // TODO
    return 1
}

/// The distribution a replacement is drawn from after a rejection: `max(0, p − q)`,
/// normalized to sum to 1. When `p` and `q` are equal nothing is ever rejected; return `p`.
func residualDistribution(target p: [Double], draft q: [Double]) -> [Double] {
    // TODO: element-wise max(0, p − q), then divide by its sum (if the sum is positive).
    return q
}
