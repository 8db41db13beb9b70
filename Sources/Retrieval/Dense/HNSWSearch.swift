/// Searching and inserting into an ``HNSWIndex``: the two graph walks of the paper.
///
/// The versions here are the readable ones; the index runs their fast twins in
/// `HNSWSearchFast.swift`, which return the same nodes bit for bit.
extension HNSWIndex {
    /// A node with its similarity to the query.
    struct Scored: Equatable {
        var similarity: Float
        var node: Int32
    }

    /// On one layer, walk from `start` towards the query until no neighbor is more similar
    /// (``GreedyWalk``): the entry point for the layer below.
    func greedyClosest(_ query: UnsafePointer<Float>, from start: Scored, layer: Int) -> Scored {
        let walk = GreedyWalk.path(from: Int(start.node), neighbors: { neighbors($0, layer: layer) },
                                   similarity: { similarity($0, query) })
        return Scored(similarity: walk.similarity, node: Int32(walk.path.last!))
    }

    // ANCHOR: search-layer
    /// Best-first search of width `ef` on one layer. Returns up to `ef` nodes, unordered.
    /// With `skipDeleted`, deleted nodes are walked through but never returned.
    func searchLayer(_ query: UnsafePointer<Float>, entry: Scored, ef: Int, layer: Int, skipDeleted: Bool) -> [Scored] {
        startVisit()
        // Candidates to expand: most similar on top. Results: least similar on top, to evict.
        var candidates = ScoredHeap(mostSimilarFirst: true)
        var results = ScoredHeap(mostSimilarFirst: false)
        visitMarks[Int(entry.node)] = visitEpoch
        candidates.push(entry)
        if !(skipDeleted && deleted[Int(entry.node)]) { results.push(entry) }
        while let current = candidates.pop() {
            // Every remaining candidate is worse than the worst result: nothing left can enter.
            if results.count >= ef, current.similarity < results.top!.similarity { break }
            for n in neighbors(Int(current.node), layer: layer) {
                let neighbor = Int(n)
                if visitMarks[neighbor] == visitEpoch { continue }
                visitMarks[neighbor] = visitEpoch
                let s = similarity(neighbor, query)
                if results.count < ef || s > results.top!.similarity {
                    candidates.push(Scored(similarity: s, node: n))
                    if !(skipDeleted && deleted[neighbor]) {
                        results.push(Scored(similarity: s, node: n))
                        if results.count > ef { results.pop() }
                    }
                }
            }
        }
        return results.items
    }
    // ANCHOR_END: search-layer

    func startVisit() {
        if visitMarks.count < nodeCount { visitMarks += [UInt32](repeating: 0, count: nodeCount - visitMarks.count) }
        visitEpoch &+= 1
        if visitEpoch == 0 {               // wrapped around: old marks could look current
            for i in visitMarks.indices { visitMarks[i] = 0 }
            visitEpoch = 1
        }
    }

    public func search(_ query: [Float], k: Int) -> [SearchHit] {
        precondition(query.count == dimension, "HNSWIndex.search: query of length \(query.count), index dimension \(dimension)")
        guard entryPoint >= 0, k > 0, liveCount > 0 else { return [] }
        return query.withUnsafeBufferPointer { q in
            let query = q.baseAddress!
            var current = Scored(similarity: similarity(entryPoint, query), node: Int32(entryPoint))
            if maxLevel > 0 {
                for layer in stride(from: maxLevel, through: 1, by: -1) {
                    current = greedyClosestFast(query, from: current, layer: layer)
                }
            }
            searchLayerFast(query, entry: current, ef: max(efSearch, k), layer: 0, skipDeleted: true)
            return bestHits(k)
        }
    }

    /// The `k` best of the fast search's results as hits, best first, ties by lower id.
    func bestHits(_ k: Int) -> [SearchHit] {
        let found = UnsafeMutableBufferPointer(start: scratch.results.base, count: scratch.results.count)
        var hits = found.map { SearchHit(id: externalIDs[Int($0.node)], score: Double($0.similarity)) }
        hits.sort(by: SearchHit.ranksBefore)
        if hits.count > k { hits.removeLast(hits.count - k) }
        return hits
    }

    /// ``search(_:k:)`` with the readable routines: the reference the fast search is tested against.
    func searchReference(_ query: [Float], k: Int) -> [SearchHit] {
        guard entryPoint >= 0, k > 0, liveCount > 0 else { return [] }
        return query.withUnsafeBufferPointer { q in
            let query = q.baseAddress!
            var current = Scored(similarity: similarity(entryPoint, query), node: Int32(entryPoint))
            if maxLevel > 0 {
                for layer in stride(from: maxLevel, through: 1, by: -1) {
                    current = greedyClosest(query, from: current, layer: layer)
                }
            }
            let found = searchLayer(query, entry: current, ef: max(efSearch, k), layer: 0, skipDeleted: true)
            let hits = found.map { SearchHit(id: externalIDs[Int($0.node)], score: Double($0.similarity)) }
            return TopK.select(k, from: hits)
        }
    }
}
