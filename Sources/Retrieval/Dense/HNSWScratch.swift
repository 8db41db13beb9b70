/// Which of two scored nodes a heap keeps nearer its top.
protocol ScoredOrder {
    static func above(_ a: HNSWIndex.Scored, _ b: HNSWIndex.Scored) -> Bool
}

/// Most similar on top: the candidates to expand next.
enum MostSimilarFirst: ScoredOrder {
    @inline(__always) static func above(_ a: HNSWIndex.Scored, _ b: HNSWIndex.Scored) -> Bool { a.similarity > b.similarity }
}

/// Least similar on top: the results, whose worst is evicted first.
enum LeastSimilarFirst: ScoredOrder {
    @inline(__always) static func above(_ a: HNSWIndex.Scored, _ b: HNSWIndex.Scored) -> Bool { a.similarity < b.similarity }
}

/// ``ScoredHeap`` on memory it does not own, with the order fixed by its type: the same pushes
/// and pops, comparison for comparison, so both heaps hold their items in the same order, but
/// no array to check bounds or uniqueness on and no allocation per search.
///
/// Pushing past `capacity` moves the items to a buffer twice the size; whoever owns the memory
/// (``HNSWScratch``) takes the new `base` and `capacity` back when the search ends.
struct RawScoredHeap<Order: ScoredOrder> {
    var base: UnsafeMutablePointer<HNSWIndex.Scored>
    var capacity: Int
    var count = 0

    @inline(__always) var top: HNSWIndex.Scored { base[0] }

    @inline(__always)
    mutating func push(_ element: HNSWIndex.Scored) {
        if count == capacity { grow() }
        var child = count
        count += 1
        // Move parents down instead of swapping: the element is written once, where it lands.
        while child > 0 {
            let parent = (child - 1) >> 1
            guard Order.above(element, base[parent]) else { break }
            base[child] = base[parent]
            child = parent
        }
        base[child] = element
    }

    /// Removes the top; the heap must not be empty.
    @inline(__always)
    mutating func pop() -> HNSWIndex.Scored {
        let first = base[0]
        count -= 1
        if count > 0 {
            let last = base[count]
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                // The same choice as ScoredHeap.pop: the last item sits at the top while it sinks.
                var best = last, bestIndex = parent
                if left < count && Order.above(base[left], best) { best = base[left]; bestIndex = left }
                if right < count && Order.above(base[right], best) { best = base[right]; bestIndex = right }
                if bestIndex == parent { break }
                base[parent] = best
                parent = bestIndex
            }
            base[parent] = last
        }
        return first
    }

    mutating func grow() {
        let bigger = UnsafeMutablePointer<HNSWIndex.Scored>.allocate(capacity: 2 * capacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

/// The memory ``HNSWIndex``'s fast search reuses from one search to the next: both heaps and
/// the list of a node's unvisited neighbors. One per index, which is one more reason an index
/// must not be searched from two threads at once.
final class HNSWScratch {
    var candidates: RawScoredHeap<MostSimilarFirst>
    var results: RawScoredHeap<LeastSimilarFirst>
    var pending: UnsafeMutablePointer<Int32>
    var pendingCapacity = 0

    init() {
        candidates = RawScoredHeap(base: .allocate(capacity: 64), capacity: 64)
        results = RawScoredHeap(base: .allocate(capacity: 64), capacity: 64)
        pending = .allocate(capacity: 1)
        pendingCapacity = 1
    }

    /// Makes room for `ef + 1` results and `links` neighbors, and empties both heaps.
    func prepare(ef: Int, links: Int) {
        candidates.count = 0
        results.count = 0
        while results.capacity < ef + 1 { results.grow() }
        while candidates.capacity < 2 * ef { candidates.grow() }
        if pendingCapacity < links {
            pending.deallocate()
            pending = .allocate(capacity: links)
            pendingCapacity = links
        }
    }

    deinit {
        candidates.base.deallocate()
        results.base.deallocate()
        pending.deallocate()
    }
}
