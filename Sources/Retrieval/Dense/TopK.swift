/// One result of a search: which item, and how well it matched (higher is better).
public struct SearchHit: Hashable, Sendable, Codable, CustomStringConvertible {
    public var id: Int
    public var score: Double

    public init(id: Int, score: Double) {
        self.id = id
        self.score = score
    }

    public var description: String { "(\(id), \(score))" }

    /// The order of search results: higher score first; equal scores, lower id first, so a
    /// search answers the same on every run and every machine.
    public static func ranksBefore(_ a: SearchHit, _ b: SearchHit) -> Bool {
        a.score != b.score ? a.score > b.score : a.id < b.id
    }
}

/// The `k` best of many scores without sorting them all.
///
/// A min-heap of size `k` holds the best so far; each new score is compared with the heap's
/// worst in O(1) and replaces it in O(log k) when better. Selecting from `n` scores costs
/// O(n log k) — for 100,000 vectors and k = 10, about 30 times less work than a full sort.
///
/// ```swift
/// TopK.select(2, count: 4) { [0.1, 0.9, 0.5, 0.9][$0] }   // [(1, 0.9), (3, 0.9)]
/// ```
public enum TopK {
    // ANCHOR: select
    /// The `k` items of `0..<count` with the highest `score`, best first, ties by lower id.
    /// NaN scores are skipped.
    public static func select(_ k: Int, count: Int, score: (Int) -> Double) -> [SearchHit] {
        select(k, count: count, id: { $0 }, score: score)
    }

    /// ``select(_:count:score:)`` where item `i` is reported (and tie-broken) as `id(i)`.
    public static func select(_ k: Int, count: Int, id: (Int) -> Int, score: (Int) -> Double) -> [SearchHit] {
        guard k > 0 else { return [] }
        // heap[0] is the worst kept hit: the one every newcomer must beat.
        var heap = BinaryHeap<SearchHit> { SearchHit.ranksBefore($1, $0) }
        var worstScore = -Double.infinity         // the heap top's score, once the heap is full
        for i in 0..<count {
            let s = score(i)
            // Most items lose to the worst kept one on the score alone: one comparison, no hit built.
            if s.isNaN || s < worstScore { continue }
            let hit = SearchHit(id: id(i), score: s)
            if heap.count < k {
                heap.push(hit)
                if heap.count == k { worstScore = heap.top!.score }
            } else if SearchHit.ranksBefore(hit, heap.top!) {
                heap.replaceTop(hit)
                worstScore = heap.top!.score
            }
        }
        return heap.elements.sorted(by: SearchHit.ranksBefore)
    }
    // ANCHOR_END: select

    /// ``select(_:count:id:score:)`` over a buffer of float scores, with no closure call per
    /// item: the inner loop of exact search, run over every stored vector for every query.
    public static func select(_ k: Int, scores: UnsafeBufferPointer<Float>, ids: UnsafeBufferPointer<Int>) -> [SearchHit] {
        guard k > 0 else { return [] }
        // One block: the running selection exact search feeds tile by tile.
        var top = TopKStream(k: k)
        top.add(scores, firstRow: 0, ids: ids)
        return top.hits
    }

    /// The best `k` of hits that are already scored (ids need not be `0..<n`).
    public static func select(_ k: Int, from hits: [SearchHit]) -> [SearchHit] {
        select(k, count: hits.count, id: { hits[$0].id }) { hits[$0].score }
    }
}
