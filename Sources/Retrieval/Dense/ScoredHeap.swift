/// A binary heap of ``HNSWIndex/Scored`` nodes with the order fixed at creation: the most
/// similar on top (candidates to expand) or the least similar on top (results, to evict).
///
/// ``BinaryHeap`` takes its order as a closure, which costs an indirect call per comparison;
/// HNSW's inner loop makes millions of them, so it gets this specialized twin.
///
/// ```swift
/// var candidates = ScoredHeap(mostSimilarFirst: true)
/// candidates.push(.init(similarity: 0.9, node: 4))
/// candidates.pop()?.node        // 4
/// ```
struct ScoredHeap {
    private(set) var items: [HNSWIndex.Scored] = []
    let mostSimilarFirst: Bool

    init(mostSimilarFirst: Bool, capacity: Int = 0) {
        self.mostSimilarFirst = mostSimilarFirst
        items.reserveCapacity(capacity)
    }

    var count: Int { items.count }
    var top: HNSWIndex.Scored? { items.first }

    @inline(__always)
    func above(_ a: HNSWIndex.Scored, _ b: HNSWIndex.Scored) -> Bool {
        mostSimilarFirst ? a.similarity > b.similarity : a.similarity < b.similarity
    }

    mutating func push(_ element: HNSWIndex.Scored) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            guard above(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> HNSWIndex.Scored? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            let n = items.count
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < n && above(items[left], items[best]) { best = left }
                if right < n && above(items[right], items[best]) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
        }
        return first
    }
}
