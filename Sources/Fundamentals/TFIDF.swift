import Foundation

/// Bag-of-words counts and TF-IDF weights for a small corpus of tokenized documents.
///
/// - term frequency tf(t, d) = count of t in d / length of d
/// - inverse document frequency idf(t) = ln(N / df(t)), df(t) = documents containing t
/// - tf-idf(t, d) = tf(t, d) · idf(t)
/// A word found in every document gets idf = ln 1 = 0: it tells documents apart not at all.
///
/// Shapes: N documents, V vocabulary terms → `counts` [N][V], `idf` [V], `weights(document:)` [V].
///
/// ```swift
/// let model = TFIDF(documents: [["the", "cat"], ["the", "dog", "dog"]])
/// model.idf[model.index["the"]!]   // 0
/// let w = model.weights(document: 1)
/// ```
public struct TFIDF {
    public let vocabulary: [String]
    public let index: [String: Int]
    /// counts[d][t]: occurrences of term t in document d.
    public let counts: [[Double]]
    public let idf: [Double]

    public init(documents: [[String]]) {
        let vocabulary = Array(Set(documents.joined())).sorted()
        self.vocabulary = vocabulary
        index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        counts = documents.map { TFIDF.bagOfWords($0, vocabulary: vocabulary) }
        idf = TFIDF.inverseDocumentFrequency(counts: counts)
    }

    /// Bag of words: how often each term of `vocabulary` occurs in `document` ([V]); words
    /// outside the vocabulary are not counted, and their order is forgotten.
    public static func bagOfWords(_ document: [String], vocabulary: [String]) -> [Double] {
        let index = Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = [Double](repeating: 0, count: vocabulary.count)
        for word in document {
            if let t = index[word] { counts[t] += 1 }
        }
        return counts
    }

    // ANCHOR: idf
    /// idf(t) = ln(N / df(t)) from the bag-of-words counts [N][V]; 0 for a
    /// term no document contains.
    public static func inverseDocumentFrequency(counts: [[Double]]) -> [Double] {
        let n = Double(counts.count)
        let terms = counts.first?.count ?? 0
        return (0..<terms).map { t in
            let df = Double(counts.filter { $0[t] > 0 }.count)
            return df > 0 ? log(n / df) : 0
        }
    }

    /// The TF-IDF vector of document `d`.
    public func weights(document d: Int) -> [Double] {
        TFIDF.weights(counts: counts[d], length: counts[d].reduce(0, +), idf: idf)
    }

    /// tf · idf for one document's counts [V], `length` words long.
    public static func weights(counts: [Double], length: Double,
                               idf: [Double]) -> [Double] {
        counts.indices.map { t in
            counts[t] / max(length, 1) * idf[t]   // tf · idf
        }
    }
    // ANCHOR_END: idf
}

/// cos θ = a·b / (|a| |b|); 0 when either vector is zero.
public func cosineSimilarity(_ a: [Double], _ b: [Double]) -> Double {
    let dot = zip(a, b).map(*).reduce(0, +)
    let na = a.map { $0 * $0 }.reduce(0, +).squareRoot(), nb = b.map { $0 * $0 }.reduce(0, +).squareRoot()
    return na > 0 && nb > 0 ? dot / (na * nb) : 0
}
