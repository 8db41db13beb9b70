import Foundation

/// Okapi BM25: the keyword-relevance score most search engines start from.
///
/// For a query `q` and a document `d` of length `|d|` in a corpus of `N` documents of
/// average length `avgdl`:
///
///     score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d) / (tf(t, d) + k1 · (1 − b + b · |d| / avgdl))
///     idf(t)      = ln((N − df(t) + 0.5) / (df(t) + 0.5) + 1)
///
/// where `tf(t, d)` counts `t` in `d` and `df(t)` counts the documents holding `t`. A query
/// term repeated in the query counts once per occurrence.
///
/// - `k1` (default 1.5) sets how fast repeats saturate: the tenth "cache" adds far less than
///   the first.
/// - `b` (default 0.75) sets how much a long document is discounted for being long.
/// - The `+ 1` inside the logarithm keeps idf positive even for a term found in more than
///   half of the documents (Robertson's original goes negative there).
///
/// This is the variant Lucene uses (since version 8) and `bm25s` calls `method="lucene"`. It
/// leaves out the constant factor `(k1 + 1)` that Robertson's form multiplies every term
/// by; that factor scales all scores alike and never changes a ranking. The parity tests
/// compare with `bm25s` (method `lucene`, float64) and with `rank_bm25`'s `BM25Okapi` given
/// this idf (its scores are ours times `k1 + 1`).
///
/// ```swift
/// let bm25 = BM25(documents: lessons.map(SearchTokenizer.terms))
/// let hits = bm25.search(SearchTokenizer.terms("what does the KV cache store?"), k: 5)
/// hits[0].id, hits[0].score
/// ```
public struct BM25: Sendable, Codable {
    public var k1: Double
    public var b: Double
    public private(set) var index: InvertedIndex

    public init(k1: Double = 1.5, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        self.index = InvertedIndex()
    }

    public init(documents: [[String]], k1: Double = 1.5, b: Double = 0.75) {
        self.init(k1: k1, b: b)
        for document in documents { add(document) }
    }

    @discardableResult
    public mutating func add(_ terms: [String]) -> Int { index.add(terms) }

    public var documentCount: Int { index.documentCount }

    // ANCHOR: idf
    /// `ln((N − df + 0.5) / (df + 0.5) + 1)`: near 0 for a term in every document, large for a rare one.
    public static func idf(documentFrequency df: Int, documentCount n: Int) -> Double {
        log((Double(n - df) + 0.5) / (Double(df) + 0.5) + 1)
    }
    // ANCHOR_END: idf

    // ANCHOR: term-score
    /// One query term's contribution to one document's score.
    public static func termScore(count tf: Int, documentLength: Int, averageLength: Double, idf: Double,
                                 k1: Double, b: Double) -> Double {
        guard tf > 0 else { return 0 }
        let lengthNorm = 1 - b + b * Double(documentLength) / max(averageLength, .leastNonzeroMagnitude)
        let t = Double(tf)
        return idf * t / (t + k1 * lengthNorm)
    }
    // ANCHOR_END: term-score

    // ANCHOR: scores
    /// The score of every document, walking only the postings of the query's terms.
    public func scores(_ query: [String]) -> [Double] {
        var scores = [Double](repeating: 0, count: index.documentCount)
        let average = index.averageLength
        for term in query {
            guard let postings = index.postings[term] else { continue }
            let idf = Self.idf(documentFrequency: postings.count, documentCount: index.documentCount)
            for p in postings {
                scores[p.document] += Self.termScore(count: p.count, documentLength: index.lengths[p.document],
                                                     averageLength: average, idf: idf, k1: k1, b: b)
            }
        }
        return scores
    }
    // ANCHOR_END: scores

    /// The `k` best documents with a positive score, best first (ties: lower id first).
    public func search(_ query: [String], k: Int) -> [SearchHit] {
        let s = scores(query)
        return TopK.select(k, count: s.count) { s[$0] }.filter { $0.score > 0 }
    }
}
