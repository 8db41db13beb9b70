import Foundation
import LLMCourseKit

/// Nucleus (top-p) filtering as Hugging Face transformers does it.
///
/// Sort the scores ascending (least likely first), turn them into probabilities with a
/// softmax, and add the probabilities up from the least likely token upward. Every token whose
/// running sum is still `≤ 1 − p` is filtered: its score becomes `-Float.infinity`. The
/// `minTokensToKeep` most likely tokens are never filtered. The result keeps the original order.
///
///     scores [2, 1, 0, -1], p = 0.5  →  [2, -inf, -inf, -inf]
func topPFilter(_ scores: [Float], p: Float, minTokensToKeep: Int = 1) -> [Float] {
    // TODO: sort the token indices by score, ascending.
    // TODO: softmax of the sorted scores (subtract the largest score first).
    // TODO: walk up the sorted tokens with a running sum; filter while it is ≤ 1 − p,
    //       except for the last `minTokensToKeep` tokens (the most likely ones).
    return scores
}
