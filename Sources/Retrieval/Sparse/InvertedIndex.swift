/// For every term, the documents that contain it and how often: the data structure behind
/// every keyword search engine.
///
/// Scoring a query then touches only the postings of its terms, never the documents that
/// share no word with it — on a large corpus, almost all of them.
///
/// ```swift
/// var index = InvertedIndex()
/// index.add(["the", "kv", "cache", "stores", "keys"])       // document 0
/// index.add(["quantization", "stores", "int8"])            // document 1
/// index.postings["stores"]                                  // [(0, 1), (1, 1)]
/// index.documentFrequency("kv")                             // 1
/// ```
public struct InvertedIndex: Sendable, Codable {
    /// One document's count of one term.
    public struct Posting: Hashable, Sendable, Codable {
        public var document: Int
        public var count: Int
    }

    /// Postings of each term, in increasing document order.
    public private(set) var postings: [String: [Posting]] = [:]
    /// Number of terms of each document (its length, for BM25's normalization).
    public private(set) var lengths: [Int] = []
    /// Sum of ``lengths``, kept so the average length costs nothing.
    public private(set) var totalLength = 0

    public init() {}

    /// Adds a document given as its terms; returns its number (0, 1, 2, …).
    @discardableResult
    public mutating func add(_ terms: [String]) -> Int {
        let document = lengths.count
        var counts: [String: Int] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        // Sorted so that the index is the same bytes however the dictionary iterates.
        for (term, count) in counts.sorted(by: { $0.key < $1.key }) {
            postings[term, default: []].append(Posting(document: document, count: count))
        }
        lengths.append(terms.count)
        totalLength += terms.count
        return document
    }

    public var documentCount: Int { lengths.count }

    public var averageLength: Double { lengths.isEmpty ? 0 : Double(totalLength) / Double(lengths.count) }

    /// Number of documents containing `term` at least once.
    public func documentFrequency(_ term: String) -> Int { postings[term]?.count ?? 0 }
}
