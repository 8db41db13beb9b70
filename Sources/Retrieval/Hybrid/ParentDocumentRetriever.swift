/// Search small chunks, return the big passages they came from.
///
/// A two-sentence chunk matches a question precisely, but is too little context to answer
/// from; a whole section gives context but its embedding is a blur of many topics. The
/// parent-document pattern indexes the small children and, at query time, maps each hit to
/// its parent, keeping each parent once, at the rank of its best child.
///
/// ```swift
/// let retriever = ParentDocumentRetriever(parentOfChild: [0, 0, 1, 2, 2])
/// retriever.parents(of: [SearchHit(id: 4, score: 0.9), SearchHit(id: 3, score: 0.8), SearchHit(id: 0, score: 0.5)])
/// // [(2, 0.9), (0, 0.5)]
/// ```
public struct ParentDocumentRetriever: Sendable {
    /// `parentOfChild[c]` is the parent id of child chunk `c`.
    public var parentOfChild: [Int]

    public init(parentOfChild: [Int]) {
        self.parentOfChild = parentOfChild
    }

    /// Splits every parent with `splitter` and records which parent each child came from.
    public init(parents: [String], splitter: (String) -> [Chunk]) {
        var map: [Int] = []
        var children: [Chunk] = []
        for (p, text) in parents.enumerated() {
            let pieces = splitter(text)
            children += pieces
            map += [Int](repeating: p, count: pieces.count)
        }
        self.parentOfChild = map
        self.children = children
    }

    /// The child chunks made by ``init(parents:splitter:)`` (empty otherwise), to index.
    public private(set) var children: [Chunk] = []

    // ANCHOR: parents
    /// Parents of the child hits, best first, each once with its best child's score.
    public func parents(of childHits: [SearchHit]) -> [SearchHit] {
        var seen = Set<Int>()
        var out: [SearchHit] = []
        for hit in childHits.sorted(by: SearchHit.ranksBefore) {
            let parent = parentOfChild[hit.id]
            if seen.insert(parent).inserted { out.append(SearchHit(id: parent, score: hit.score)) }
        }
        return out
    }
    // ANCHOR_END: parents
}
