/// ``TopK/select(_:scores:ids:)`` fed block by block: exact search scores a few thousand
/// vectors at a time (the scores stay in the fastest cache) and keeps one running selection.
///
/// Scores are offered in order, each compared first with the worst score kept;
/// ``TopK/select(_:scores:ids:)`` is this with one block. (Comparing eight at a time
/// with `SIMD8`'s `.>=` and `any` was slower: the mask went through memory lane by lane.)
///
/// ```swift
/// var top = TopKStream(k: 10)
/// top.add(scoresOfRows0to4095, firstRow: 0, ids: ids)
/// top.add(scoresOfRows4096to8191, firstRow: 4096, ids: ids)
/// top.hits                    // the 10 best, best first, ties by lower id
/// ```
struct TopKStream {
    let k: Int
    private var heap = BinaryHeap<SearchHit> { SearchHit.ranksBefore($1, $0) }
    /// The heap top's score once the heap is full; `-∞` before, so every score passes.
    private var worst = -Float.infinity

    init(k: Int) { self.k = k }

    /// Offers `scores[i]` as row `firstRow + i`, reported as `ids[firstRow + i]`.
    mutating func add(_ scores: UnsafeBufferPointer<Float>, firstRow: Int, ids: UnsafeBufferPointer<Int>) {
        guard k > 0 else { return }
        for i in 0..<scores.count {
            // Once the heap is full nearly every score loses here: one comparison, no hit built.
            let s = scores[i]
            if s >= worst { offer(s, row: firstRow + i, ids: ids) }   // NaN compares false
        }
    }

    @inline(__always)
    private mutating func offer(_ s: Float, row: Int, ids: UnsafeBufferPointer<Int>) {
        if !(s >= worst) { return }          // also skips NaN
        let hit = SearchHit(id: ids[row], score: Double(s))
        if heap.count < k {
            heap.push(hit)
            if heap.count == k { worst = Float(heap.top!.score) }
        } else if SearchHit.ranksBefore(hit, heap.top!) {
            heap.replaceTop(hit)
            worst = Float(heap.top!.score)
        }
    }

    /// The hits kept, best first.
    var hits: [SearchHit] { heap.elements.sorted(by: SearchHit.ranksBefore) }
}
