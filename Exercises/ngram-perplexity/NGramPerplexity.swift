import Foundation
import LLMCourseKit

/// The per-character perplexity of `test` under an add-k character bigram model trained on
/// `train`:
///
///     P(w | h) = (c(h, w) + k) / (c(h) + k·V)
///     perplexity = exp(−(1/T) Σₜ ln P(xₜ | xₜ₋₁))
///
/// - Each text is one document: a boundary symbol stands before its first character, so the
///   first character is predicted from "start", and the boundary itself is never predicted.
/// - V is the number of distinct characters of `train` plus 1, for one unknown symbol that
///   stands for every character `train` never had.
/// - c(h, w) counts how often w follows h in `train` (h may be the boundary), c(h) how often h
///   is followed by anything.
func bigramPerplexity(train: String, test: String, k: Double) -> Double {
    // TODO: count the bigrams of train (with the boundary first), then average −ln P over test.
    return 0
}
