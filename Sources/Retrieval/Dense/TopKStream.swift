/// ``TopK/select(_:scores:ids:)`` fed block by block: exact search scores a few thousand
/// vectors at a time (the scores stay in the fastest cache) and keeps one running selection.
///
/// The scan compares eight scores at a time with the worst score kept: once the heap is full,
/// almost every block of eight loses to it, and only the rare block with a winner is looked at
/// one score at a time, in order, exactly as ``TopK/select(_:scores:ids:)`` does, so the two
/// keep the same hits.
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
        let base = scores.baseAddress!
        var i = 0
        while i + 8 <= scores.count {
            let eight = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Float>.self)
            // NaN compares false, as `!(s >= worst)` skips it below.
            if any(eight .>= SIMD8(repeating: worst)) {
                for j in i..<(i + 8) { offer(base[j], row: firstRow + j, ids: ids) }
            }
            i += 8
        }
        while i < scores.count {
            offer(base[i], row: firstRow + i, ids: ids)
            i += 1
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
