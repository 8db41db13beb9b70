import Foundation

/// The terms a ``BiEncoder`` has an embedding for, with the inverse document frequency that
/// weighs each one when a text's term vectors are averaged.
///
/// Terms are ``SearchTokenizer``'s: lower-cased words and Chinese character bigrams (plus a
/// lone CJK character). A term seen in fewer than `minimumDocuments` training texts gets no
/// row: its vector would be trained on one or two examples and mostly add noise. Ids are
/// assigned by descending document frequency, then alphabetically, so a rebuilt vocabulary
/// is identical.
///
/// idf is the smoothed `log((N + 1) / (df + 1)) + 1`: always positive, so a term found in
/// every text still counts a little (BM25's variant can reach 0).
///
/// ```swift
/// let vocabulary = TermVocabulary(texts: sections, minimumDocuments: 2)
/// vocabulary.ids(of: "What does the KV cache store?")   // ids of "what", "kv", "cache", …
/// ```
public struct TermVocabulary: Sendable, Equatable {
    public private(set) var terms: [String]
    public private(set) var idf: [Float]
    private var idByTerm: [String: Int]

    public init(terms: [String], idf: [Float]) {
        precondition(terms.count == idf.count, "TermVocabulary: \(terms.count) terms but \(idf.count) idf values")
        self.terms = terms
        self.idf = idf
        idByTerm = Dictionary(terms.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The vocabulary of `texts`: every term in at least `minimumDocuments` of them, at most
    /// `maximumSize` (the most frequent first).
    public init(texts: [String], minimumDocuments: Int = 2, maximumSize: Int = 50_000) {
        var documentFrequency: [String: Int] = [:]
        for text in texts {
            for term in Set(SearchTokenizer.terms(text)) { documentFrequency[term, default: 0] += 1 }
        }
        let kept = documentFrequency.filter { $0.value >= minimumDocuments }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(maximumSize)
        let n = Float(texts.count)
        self.init(terms: kept.map(\.key), idf: kept.map { log((n + 1) / Float($0.value + 1)) + 1 })
    }

    public var count: Int { terms.count }

    public func id(_ term: String) -> Int? { idByTerm[term] }

    /// The ids of `text`'s known terms, in order, repeats kept (a repeated term counts more).
    public func ids(of text: String) -> [Int] {
        SearchTokenizer.terms(text).compactMap { idByTerm[$0] }
    }
}
