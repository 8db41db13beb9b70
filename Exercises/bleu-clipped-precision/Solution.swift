import Foundation
import LLMCourseKit

// The reference answer: the library's BLEU statistics (Sources/Evaluation/BLEU.swift, region
// "clipped"), read back for one n-gram order.
func clippedCounts(hypothesis: [String], references: [[String]], order: Int) -> (matches: Int, total: Int) {
    guard (1...BLEU.maxOrder).contains(order) else { return (0, 0) }
    let stats = BLEU.statistics(hypothesis: hypothesis, references: references)
    return (stats.matches[order - 1], stats.totals[order - 1])
}

func brevityPenalty(hypothesisLength c: Int, referenceLengths: [Int]) -> Double {
    var stats = BLEU.Statistics()
    stats.hypothesisLength = c
    stats.referenceLength = referenceLengths.min { (abs($0 - c), $0) < (abs($1 - c), $1) } ?? 0
    return BLEU.score(stats).brevityPenalty
}
