/// A contamination check by n-gram overlap, in the spirit of GPT-3's benchmark audit: a test
/// item counts as contaminated when enough of its word n-grams also occur in the training text.
///
///     overlap(item) = |ngrams(item) ∩ ngrams(training)| / |ngrams(item)|
///
/// GPT-3 used 13-grams; short items need a smaller n. Words are lowercased runs of letters and
/// digits (``RougeL/tokens(_:)``), so punctuation and case do not hide a copy.
public struct Contamination: Sendable {
    public let order: Int
    private let seen: Set<ArraySlice<String>>

    public init(training: [String], order: Int = 8) {
        precondition(order >= 1, "n-gram order must be at least 1")
        self.order = order
        seen = training.reduce(into: Set<ArraySlice<String>>()) { $0.formUnion(NGrams.set(RougeL.tokens($1), order: order)) }
    }

    /// Fraction of the item's n-grams found in the training text (0 when it has none).
    public func overlap(_ item: String) -> Double {
        let grams = NGrams.set(RougeL.tokens(item), order: order)
        guard !grams.isEmpty else { return 0 }
        return Double(grams.filter(seen.contains).count) / Double(grams.count)
    }
}
