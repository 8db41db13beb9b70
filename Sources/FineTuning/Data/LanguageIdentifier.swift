import Foundation

/// Language identification with character n-grams and naive Bayes, the cheap first filter of
/// web and instruction data (fastText's `lid.176` and CLD3 are larger cousins of the same idea).
///
/// A text is the bag of its character n-grams for n = 1…3 (`"cat"` → `c a t ca at cat`). Each
/// label ℓ keeps how often each n-gram g occurred in its training texts, N(ℓ, g), and their
/// total N(ℓ). With add-one (Laplace) smoothing over a vocabulary of V distinct training n-grams:
///
/// ```
/// log P(g | ℓ)   = log (N(ℓ, g) + 1) − log (N(ℓ) + V)
/// score(ℓ, text) = log P(ℓ) + Σ_g count(g, text) · log P(g | ℓ)      P(ℓ) = share of training texts
/// identify(text) = argmax_ℓ score(ℓ, text)
/// ```
/// N-grams never seen in training carry no evidence and are skipped (scikit-learn's
/// `CountVectorizer(analyzer="char", ngram_range=(1, 3))` + `MultinomialNB(alpha=1)` does the
/// same, which is how the tests check these numbers).
///
/// ```swift
/// let identifier = LanguageIdentifier(training: [("en", "the cat"), ("zh", "一隻貓")])
/// identifier.identify("a cat").label   // "en"
/// ```
public struct LanguageIdentifier: Sendable {
    public let orders: ClosedRange<Int>
    /// Labels in the order they first appear in the training texts (ties go to the earliest).
    public let labels: [String]
    let logPriors: [Double]
    /// Per label: n-gram → log P(g | ℓ); `unseenLogProbability[ℓ]` for n-grams seen only under other labels.
    let logLikelihoods: [[String: Double]]
    let unseenLogProbability: [Double]
    let vocabulary: Set<String>

    // ANCHOR: train
    /// Counts the n-grams of labeled texts and turns them into smoothed log-probabilities.
    public init(training: [(label: String, text: String)], orders: ClosedRange<Int> = 1...3) {
        self.orders = orders
        var labels: [String] = []
        var documents: [String: Int] = [:]
        var counts: [String: [String: Int]] = [:]
        var vocabulary = Set<String>()
        for (label, text) in training {
            if documents[label] == nil { labels.append(label) }
            documents[label, default: 0] += 1
            for (gram, count) in Self.ngrams(text, orders: orders) {
                counts[label, default: [:]][gram, default: 0] += count
                vocabulary.insert(gram)
            }
        }
        let v = Double(vocabulary.count)
        self.labels = labels
        self.vocabulary = vocabulary
        logPriors = labels.map { log(Double(documents[$0]!) / Double(training.count)) }
        var tables: [[String: Double]] = [], unseen: [Double] = []
        for label in labels {
            let grams = counts[label] ?? [:]
            let denominator = Double(grams.values.reduce(0, +)) + v       // N(ℓ) + V
            tables.append(grams.mapValues { log((Double($0) + 1) / denominator) })
            unseen.append(log(1 / denominator))                   // N(ℓ, g) = 0
        }
        logLikelihoods = tables
        unseenLogProbability = unseen
    }
    // ANCHOR_END: train

    /// The character n-grams of `text` with their counts (n-grams span spaces and punctuation too).
    public static func ngrams(_ text: String, orders: ClosedRange<Int> = 1...3) -> [String: Int] {
        let characters = Array(text)
        var counts: [String: Int] = [:]
        for n in orders where n <= characters.count {
            for start in 0...(characters.count - n) { counts[String(characters[start..<start + n]), default: 0] += 1 }
        }
        return counts
    }

    // ANCHOR: identify
    /// The most probable label and every label's log score (log prior + log likelihood, unnormalized).
    public func identify(_ text: String) -> (label: String, logScores: [String: Double]) {
        var scores = logPriors
        for (gram, count) in Self.ngrams(text, orders: orders) where vocabulary.contains(gram) {
            for index in labels.indices {
                scores[index] += Double(count) * (logLikelihoods[index][gram] ?? unseenLogProbability[index])
            }
        }
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        return (labels[best], Dictionary(uniqueKeysWithValues: zip(labels, scores)))
    }
    // ANCHOR_END: identify
}
