import Foundation

/// Building an ``HNSWIndex``: drawing a node's level, linking it, keeping links diverse.
extension HNSWIndex {
    /// A level drawn so that `P(level ≥ ℓ) = M^(−ℓ)`: `⌊−ln(u) · mL⌋` with `mL = 1 / ln M`.
    func drawLevel() -> Int {
        let u = 1 - rng.nextUniformDouble()       // (0, 1]
        return min(Int(-log(u) / log(Double(m))), 30)
    }

    // ANCHOR: insert
    public func add(_ vector: [Float], id: Int) {
        precondition(vector.count == dimension, "HNSWIndex.add: vector of length \(vector.count), index dimension \(dimension)")
        precondition(nodeForID[id] == nil, "HNSWIndex.add: id \(id) is already in the index; delete it first")
        let node = nodeCount
        let level = drawLevel()
        vectors += vector
        appendNodeStorage(id: id, level: level, deleted: false)
        nodeForID[id] = node
        liveCount += 1
        guard entryPoint >= 0 else {
            entryPoint = node
            maxLevel = level
            return
        }
        vector.withUnsafeBufferPointer { q in
            let query = q.baseAddress!
            var current = Scored(similarity: similarity(entryPoint, query), node: Int32(entryPoint))
            // Above the new node's level: only find a good place to come down.
            if maxLevel > level {
                for layer in stride(from: maxLevel, to: level, by: -1) {
                    current = usesReferenceRoutines ? greedyClosest(query, from: current, layer: layer)
                                                    : greedyClosestFast(query, from: current, layer: layer)
                }
            }
            // On its levels: link to a diverse set of the nearest, both ways.
            for layer in stride(from: min(level, maxLevel), through: 0, by: -1) {
                let found = usesReferenceRoutines
                    ? searchLayer(query, entry: current, ef: efConstruction, layer: layer, skipDeleted: false)
                    : searchLayerFastArray(query, entry: current, ef: efConstruction, layer: layer, skipDeleted: false)
                let chosen = selectNeighbors(found, limit: m)
                setNeighbors(node, layer: layer, chosen.map(\.node))
                for neighbor in chosen { link(Int(neighbor.node), to: node, layer: layer) }
                current = found.max { $0.similarity < $1.similarity } ?? current
            }
        }
        if level > maxLevel {
            maxLevel = level
            entryPoint = node
        }
    }
    // ANCHOR_END: insert

    /// Adds the link `from → to`; when `from` already has its maximum, keeps the most
    /// diverse set among its old links and the new one.
    func link(_ from: Int, to: Int, layer: Int) {
        let limit = layer == 0 ? maxLinks0 : m
        var links = Array(neighbors(from, layer: layer))
        if links.count < limit {
            links.append(Int32(to))
            setNeighbors(from, layer: layer, links)
            return
        }
        links.append(Int32(to))
        let scored = vectors.withUnsafeBufferPointer { v in
            links.map { Scored(similarity: similarity(Int($0), v.baseAddress! + from * dimension), node: $0) }
        }
        setNeighbors(from, layer: layer, selectNeighbors(scored, limit: limit).map(\.node))
    }

    // ANCHOR: heuristic
    /// The paper's neighbor-selection heuristic: take candidates from most to least similar,
    /// and keep one only when it is more similar to the new node than to every neighbor kept
    /// so far. Links then point in different directions, so clusters stay connected to each
    /// other instead of all links landing in the nearest clump.
    func selectNeighbors(_ candidates: [Scored], limit: Int) -> [Scored] {
        let sorted = candidates.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.node < $1.node }
        guard sorted.count > limit else { return sorted }
        var kept: [Scored] = []
        vectors.withUnsafeBufferPointer { v in
            for candidate in sorted {
                if kept.count >= limit { break }
                let c = v.baseAddress! + Int(candidate.node) * dimension
                let diverse = kept.allSatisfy { similarity(Int($0.node), c) < candidate.similarity }
                if diverse { kept.append(candidate) }
            }
        }
        return kept
    }
    // ANCHOR_END: heuristic
}
