/// The routines of ``HNSWIndex`` that every search and insert runs, written for speed. Each has a
/// readable twin (``HNSWIndex/searchLayer(_:entry:ef:layer:skipDeleted:)``,
/// ``HNSWIndex/greedyClosest(_:from:layer:)``) that computes exactly the same thing, the same
/// similarities in the same order, so they return the same nodes bit for bit; the tests check it.
///
/// What makes these faster than the twins:
/// - every array is read through a pointer taken once per call, not once per access;
/// - the heaps live in ``HNSWScratch`` and are reused, so a search allocates nothing until it
///   returns its answer;
/// - a node's neighbors are expanded in two passes: the first marks the unvisited ones and asks
///   the memory system for their vectors (``Memory/prefetch(_:bytes:)``), the second computes
///   the similarities. A vector that is not in cache takes hundreds of cycles to arrive; asked
///   for together, the neighbors' vectors arrive together instead of one after another. The
///   visit marks of all neighbors, and the link list of the next candidate, are asked for
///   early the same way. On 100,000 vectors of 128 dimensions this is what took the search
///   from about 0.7× faiss's speed to faiss's speed: the arithmetic was never the bottleneck.
extension HNSWIndex {
    // ANCHOR: search-layer-fast
    /// ``searchLayer(_:entry:ef:layer:skipDeleted:)``, fast. Leaves the `ef` best in
    /// `scratch.results` (a heap, worst on top) instead of returning them.
    func searchLayerFast(_ query: UnsafePointer<Float>, entry: Scored, ef: Int, layer: Int, skipDeleted: Bool) {
        startVisit()
        let epoch = visitEpoch
        let width = layer == 0 ? maxLinks0 : m
        scratch.prepare(ef: ef, links: width)
        var candidates = scratch.candidates, results = scratch.results
        let pending = scratch.pending
        let d = dimension
        vectors.withUnsafeBufferPointer { v in
        layer0.withUnsafeBufferPointer { links0 in
        layer0Count.withUnsafeBufferPointer { counts0 in
        upperLinks.withUnsafeBufferPointer { linksUp in
        upperCount.withUnsafeBufferPointer { countsUp in
        upperStart.withUnsafeBufferPointer { startUp in
        deleted.withUnsafeBufferPointer { deleted in
        visitMarks.withUnsafeMutableBufferPointer { marks in
            let v = v.baseAddress!, marks = marks.baseAddress!
            // Layer 0 or one upper layer: where each node's links start and how many there are.
            let links: UnsafePointer<Int32>, counts: UnsafePointer<Int32>
            if layer == 0 {
                links = links0.baseAddress!
                counts = counts0.baseAddress!
            } else {
                links = linksUp.baseAddress!
                counts = countsUp.baseAddress!
            }
            marks[Int(entry.node)] = epoch
            candidates.push(entry)
            if !(skipDeleted && deleted[Int(entry.node)]) { results.push(entry) }
            while candidates.count > 0 {
                let current = candidates.pop()
                if results.count >= ef, current.similarity < results.top.similarity { break }
                let node = Int(current.node)
                let slot = layer == 0 ? node : Int(startUp[node]) + layer - 1
                let first = links + slot * width
                // The next candidate's links, which the next round reads first.
                if candidates.count > 0 {
                    let next = Int(candidates.top.node)
                    Memory.prefetch(links + (layer == 0 ? next : Int(startUp[next]) + layer - 1) * width, bytes: 4 * width)
                }
                // Pass 1: which neighbors are new (their marks asked for first, all at once), and
                // fetch their vectors.
                var fresh = 0
                let linkCount = Int(counts[slot])
                for j in 0..<linkCount { Memory.prefetch(marks + Int(first[j]), bytes: 1) }
                for j in 0..<linkCount {
                    let n = first[j]
                    if marks[Int(n)] == epoch { continue }
                    marks[Int(n)] = epoch
                    Memory.prefetch(v + Int(n) * d, bytes: 4 * d)
                    pending[fresh] = n
                    fresh += 1
                }
                // Pass 2: their similarities, in link order, as the readable version.
                for j in 0..<fresh {
                    let n = pending[j]
                    let neighbor = Int(n)
                    let s = VectorMath.dot(v + neighbor * d, query, d)
                    if results.count < ef || s > results.top.similarity {
                        candidates.push(Scored(similarity: s, node: n))
                        if !(skipDeleted && deleted[neighbor]) {
                            results.push(Scored(similarity: s, node: n))
                            if results.count > ef { _ = results.pop() }
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        scratch.candidates = candidates
        scratch.results = results
    }
    // ANCHOR_END: search-layer-fast

    /// ``searchLayer(_:entry:ef:layer:skipDeleted:)``'s answer from the fast version: the same
    /// nodes in the same order.
    func searchLayerFastArray(_ query: UnsafePointer<Float>, entry: Scored, ef: Int, layer: Int, skipDeleted: Bool) -> [Scored] {
        searchLayerFast(query, entry: entry, ef: ef, layer: layer, skipDeleted: skipDeleted)
        return Array(UnsafeBufferPointer(start: scratch.results.base, count: scratch.results.count))
    }

    /// ``greedyClosest(_:from:layer:)`` without the path, closures or arrays; `layer` ≥ 1.
    func greedyClosestFast(_ query: UnsafePointer<Float>, from start: Scored, layer: Int) -> Scored {
        var current = start
        let d = dimension, width = m
        vectors.withUnsafeBufferPointer { v in
        upperLinks.withUnsafeBufferPointer { links in
        upperCount.withUnsafeBufferPointer { counts in
        upperStart.withUnsafeBufferPointer { starts in
            let v = v.baseAddress!
            while true {
                let block = Int(starts[Int(current.node)]) + layer - 1
                let first = links.baseAddress! + block * width
                var next = current
                for j in 0..<Int(counts[block]) {
                    let s = VectorMath.dot(v + Int(first[j]) * d, query, d)
                    if s > next.similarity { next = Scored(similarity: s, node: first[j]) }   // strictly better
                }
                if next.node == current.node { return }
                current = next
            }
        }
        }
        }
        }
        return current
    }
}

