import Foundation

/// Bag-of-words counts and TF-IDF weights for a small corpus of tokenised documents.
///
/// - term frequency tf(t, d) = count of t in d / length of d
/// - inverse document frequency idf(t) = ln(N / df(t)), df(t) = documents containing t
/// - tf-idf(t, d) = tf(t, d) · idf(t)
/// A word found in every document gets idf = ln 1 = 0: it tells documents apart not at all.
public struct TFIDF {
    public let vocabulary: [String]
    public let index: [String: Int]
    /// counts[d][t]: occurrences of term t in document d.
    public let counts: [[Double]]
    public let idf: [Double]

    public init(documents: [[String]]) {
        vocabulary = Array(Set(documents.joined())).sorted()
        index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        var counts = [[Double]](repeating: [Double](repeating: 0, count: vocabulary.count), count: documents.count)
        for (d, doc) in documents.enumerated() {
            for word in doc { counts[d][index[word]!] += 1 }
        }
        self.counts = counts
        idf = TFIDF.inverseDocumentFrequency(counts: counts)
    }

    // ANCHOR: idf
    static func inverseDocumentFrequency(counts: [[Double]]) -> [Double] {
        let n = Double(counts.count)
        let terms = counts.first?.count ?? 0
        return (0..<terms).map { t in
            let df = Double(counts.filter { $0[t] > 0 }.count)
            return df > 0 ? log(n / df) : 0
        }
    }

    /// The TF-IDF vector of document `d`.
    public func weights(document d: Int) -> [Double] {
        let length = counts[d].reduce(0, +)
        return counts[d].indices.map { t in
            counts[d][t] / max(length, 1) * idf[t]   // tf · idf
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
