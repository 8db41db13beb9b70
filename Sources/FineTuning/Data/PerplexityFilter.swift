import Foundation

/// Perplexity filtering: score every example with a reference language model and drop the ones
/// it finds least likely (CCNet ranks web text this way; for instruction data, a model that
/// knows the facts finds a wrong answer surprising).
///
/// For an example with response tokens y₁…y_m, the closure gives the mean negative
/// log-likelihood and the perplexity follows:
///
/// ```
/// NLL = −(1/m) Σ_t log p(y_t | prompt, y_<t)        perplexity = exp(NLL)
/// threshold = quantile_q(NLL of every example)      (linear interpolation, NumPy's default)
/// keep ⇔ NLL ≤ threshold
/// ```
/// Choosing the threshold as a quantile fixes the share removed (≈ 1 − q) rather than a
/// perplexity value, which depends on the reference model and the text's length.
///
/// ```swift
/// let result = PerplexityFilter.filter(examples, keepQuantile: 0.8) { try scorer.meanNLL($0) }
/// result.removed.count   // ≈ 20% of the examples, the least likely ones
/// ```
public enum PerplexityFilter {
    /// The outcome: what was kept, what was removed (with its score), and the cut.
    public struct Result<Item> {
        public let kept: [Item]
        /// Removed items with their mean NLL, most surprising first.
        public let removed: [(item: Item, meanNLL: Double)]
        /// Every item's mean NLL, in input order.
        public let scores: [Double]
        /// The NLL at the cut; its perplexity is `exp(threshold)`.
        public let threshold: Double
    }

    // ANCHOR: quantile
    /// The q-quantile of `values` with linear interpolation between order statistics:
    /// sorted x₀…x_{n−1}, h = (n − 1)·q, quantile = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋₊₁ − x_⌊h⌋).
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        precondition(!values.isEmpty && (0...1).contains(q), "quantile: needs values and 0 ≤ q ≤ 1")
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * q
        let low = Int(h.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
    // ANCHOR_END: quantile

    // ANCHOR: filter
    /// Keeps the items whose mean NLL is at most the `keepQuantile` quantile of all items' NLL.
    public static func filter<Item>(_ items: [Item], keepQuantile: Double,
                                    meanNLL: (Item) throws -> Double) rethrows -> Result<Item> {
        let scores = try items.map(meanNLL)
        guard !items.isEmpty else { return Result(kept: [], removed: [], scores: [], threshold: .infinity) }
        let threshold = quantile(scores, keepQuantile)
        var kept: [Item] = [], removed: [(item: Item, meanNLL: Double)] = []
        for (item, score) in zip(items, scores) {
            if score <= threshold { kept.append(item) } else { removed.append((item, score)) }
        }
        // Stable sort, so equal scores keep their input order.
        let ordered = removed.enumerated().sorted { ($0.element.meanNLL, $1.offset) > ($1.element.meanNLL, $0.offset) }.map(\.element)
        return Result(kept: kept, removed: ordered, scores: scores, threshold: threshold)
    }
    // ANCHOR_END: filter

    /// Mean negative log-likelihood from a total log-likelihood over `tokenCount` tokens.
    public static func meanNLL(logLikelihood: Double, tokenCount: Int) -> Double {
        tokenCount == 0 ? 0 : -logLikelihood / Double(tokenCount)
    }
}
