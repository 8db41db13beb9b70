import Foundation
import LLMCourseKit

/// Clipped n-gram matches of one output against its references, for n-grams of length `order`:
/// each output n-gram matches at most as often as it occurs in any single reference.
/// Returns the matches and the output's total number of n-grams of that length.
func clippedCounts(hypothesis: [String], references: [[String]], order: Int) -> (matches: Int, total: Int) {
    // TODO: count the output's n-grams, find each one's clip over the references, add up
    // min(count, clip) and the counts.
    return (0, 0)
}

/// BLEU's brevity penalty: 1 when the output is at least as long as the closest reference
/// length r, else exp(1 − r / c); 0 for an empty output.
func brevityPenalty(hypothesisLength c: Int, referenceLengths: [Int]) -> Double {
    // TODO: pick r (closest length, ties to the shorter), then apply the formula.
    return 1
}
