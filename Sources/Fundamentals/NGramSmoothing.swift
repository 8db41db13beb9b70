import Foundation

/// How an ``NGramLanguageModel`` turns counts into probabilities that leave room for n-grams
/// it never saw.
///
/// With `c(h, w)` the count of token `w` after the context `h` (the previous n − 1 tokens),
/// `c(h) = Σ_w c(h, w)` and `V` the vocabulary size:
///
/// - ``addK(_:)`` (Laplace when k = 1) pretends every n-gram was seen k more times:
///
///       P(w | h) = (c(h, w) + k) / (c(h) + k·V)
///
///   A context never seen gets the uniform 1/V. Simple, but with V ≈ 100 characters and
///   k = 1 it hands most of a rare context's mass to characters that never follow it.
///
/// - ``interpolatedKneserNey(discount:)`` (Kneser and Ney, 1995; the interpolated form of Chen
///   and Goodman, 1998) subtracts a fixed discount D from every seen count and gives the mass
///   freed to a lower-order distribution, always mixed in:
///
///       P(w | h) = max(c(h, w) − D, 0) / c(h)  +  D · N₁₊(h •) / c(h) · P(w | h′)
///
///   where h′ drops the oldest token of h and N₁₊(h •) is the number of distinct tokens seen
///   after h. The lower orders do not count occurrences but *continuation counts*: the count
///   of (h′, w) is N₁₊(• h′ w), the number of distinct tokens seen before h′w. A token that is
///   frequent only inside one fixed phrase ("Francisco" after "San") thus gets a small share
///   of the back-off mass. The recursion ends at the empty context, which is mixed with the
///   uniform 1/V the same way, so every token of the vocabulary keeps a probability above 0.
///   A context never seen at some order passes straight through to the next lower one.
public enum NGramSmoothing: Sendable, Equatable {
    /// Add k to every count; `.addK(1)` is Laplace smoothing.
    case addK(Double)
    /// Interpolated Kneser-Ney with absolute discount `discount` (0 < D < 1; 0.75 is usual).
    case interpolatedKneserNey(discount: Double)

    /// Laplace (add-one) smoothing.
    public static let laplace = NGramSmoothing.addK(1)
}
