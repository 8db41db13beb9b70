import Foundation
import LLMCourseKit

/// The attention weights of one causal head, from its raw scores.
///
/// `scores[i][j]` is the score of query `i` on key `j` (already divided by √d), for a
/// sequence of `T` tokens: a `T×T` matrix. Query `i` may only read keys `j ≤ i`. Return a
/// `T×T` matrix whose row `i` is the softmax of `scores[i][0...i]`, with weight `0` for every
/// key `j > i`. Each row sums to 1.
///
///     scores [[1, 5], [0, 0]]  →  [[1, 0], [0.5, 0.5]]
func causalSoftmax(_ scores: [[Float]]) -> [[Float]] {
    // TODO: for each row i, keep only the scores of keys 0...i (the others get weight 0).
    // TODO: subtract the largest kept score before exponentiating, so large scores don't overflow.
    // TODO: divide each exponential by the row's sum.
    return scores
}
