import Foundation
import Tensors

/// Hierarchical navigable small world graph (Malkov & Yashunin, 2016): approximate nearest
/// neighbors in about `log n` hops instead of `n` comparisons.
///
/// Every vector is a node. Layer 0 links each node to up to `2M` similar nodes; a node also
/// appears on layers `1 … ℓ` with probability `e^(−ℓ / mL)`, `mL = 1 / ln M`, where it has up
/// to `M` links. A search starts at the top layer's entry point, walks greedily towards the
/// query on each sparse upper layer (one hop covers far), then runs a best-first search of
/// width `efSearch` on layer 0.
///
/// - `M` (links per node): more links, better recall, more memory (`4 · 2M` bytes on layer 0).
/// - `efConstruction`: search width while inserting; better graphs, slower builds.
/// - `efSearch`: search width at query time, at least `k`; the recall/speed dial.
///
/// Deleting marks a node (a tombstone): searches still walk through it, so the graph stays
/// connected, but never return it. Not safe to use from several threads at once: searches
/// share one visited-marks buffer.
///
/// ```swift
/// let index = HNSWIndex(dimension: 32, m: 16, efConstruction: 200, efSearch: 64, seed: 1)
/// for (i, v) in vectors.enumerated() { index.add(v, id: i) }
/// index.search(query, k: 10)               // ≈ ExactIndex's answer, ≥ 95 % of it
/// try index.save(to: url)
/// let again = try HNSWIndex.load(from: url)
/// ```
public final class HNSWIndex: VectorIndex {
    public let dimension: Int
    public let m: Int
    public let efConstruction: Int
    public var efSearch: Int

    // Storage, indexed by node number (insertion order).
    var vectors: [Float] = []
    var externalIDs: [Int] = []
    var levels: [Int] = []
    var deleted: [Bool] = []
    /// Layer-0 links: node `i` owns `layer0[i·2M ..< i·2M + layer0Count[i]]`.
    var layer0: [Int32] = []
    var layer0Count: [Int32] = []
    /// Links on layers 1…level, flat like layer 0 with `M` slots per (node, layer): node `i`'s
    /// layer `ℓ` is block `b = upperStart[i] + ℓ − 1`, its links
    /// `upperLinks[b·M ..< b·M + upperCount[b]]`. One array instead of an array per node and
    /// layer: no pointer to chase and no reference count to touch on every hop.
    var upperLinks: [Int32] = []
    var upperCount: [Int32] = []
    var upperStart: [Int32] = []
    var nodeForID: [Int: Int] = [:]
    var entryPoint = -1
    var maxLevel = -1
    var rng: SplitMix64
    var liveCount = 0

    /// Visit marks for searches: a node is visited when its mark equals `visitEpoch`.
    var visitMarks: [UInt32] = []
    var visitEpoch: UInt32 = 0
    /// The fast search's heaps and buffers, kept between searches so none allocates.
    let scratch = HNSWScratch()
    /// Inserts with the readable graph walks instead of their fast twins (for the tests that
    /// check both build the same graph).
    var usesReferenceRoutines = false

    public init(dimension: Int, m: Int = 16, efConstruction: Int = 200, efSearch: Int = 64, seed: UInt64 = 0) {
        precondition(dimension > 0, "HNSWIndex: dimension must be positive, got \(dimension)")
        precondition(m >= 2, "HNSWIndex: m must be at least 2, got \(m)")
        precondition(efConstruction >= 1 && efSearch >= 1, "HNSWIndex: ef values must be positive")
        self.dimension = dimension
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.rng = SplitMix64(seed: seed)
    }

    var maxLinks0: Int { 2 * m }
    public var count: Int { liveCount }
    /// Number of nodes, deleted ones included.
    public var nodeCount: Int { externalIDs.count }

    /// The vector, layer 0's `2M` link slots and count, and the upper layers' `M` slots and
    /// count per layer (about `1/(M−1)` layers per node on average), plus level, deleted flag
    /// and id: what the index holds in memory per node.
    public var bytesPerVector: Double {
        let perNode = 4 * dimension + 4 * maxLinks0 + 4 + 4 + 8 + 1 + 8   // + count, upperStart, level, deleted, id
        guard nodeCount > 0 else { return Double(perNode) }
        return Double(perNode) + Double(4 * upperLinks.count + 4 * upperCount.count) / Double(nodeCount)
    }

    /// Similarity of the stored node with a query vector.
    @inline(__always)
    func similarity(_ node: Int, _ query: UnsafePointer<Float>) -> Float {
        vectors.withUnsafeBufferPointer { VectorMath.dot($0.baseAddress! + node * dimension, query, dimension) }
    }

    @inline(__always)
    func neighbors(_ node: Int, layer: Int) -> ArraySlice<Int32> {
        if layer == 0 {
            let start = node * maxLinks0
            return layer0[start..<(start + Int(layer0Count[node]))]
        }
        let block = Int(upperStart[node]) + layer - 1
        return upperLinks[(block * m)..<(block * m + Int(upperCount[block]))]
    }

    func setNeighbors(_ node: Int, layer: Int, _ links: [Int32]) {
        if layer == 0 {
            let start = node * maxLinks0
            for i in 0..<maxLinks0 { layer0[start + i] = i < links.count ? links[i] : -1 }   // no stale slots
            layer0Count[node] = Int32(links.count)
        } else {
            let block = Int(upperStart[node]) + layer - 1
            for i in 0..<m { upperLinks[block * m + i] = i < links.count ? links[i] : -1 }
            upperCount[block] = Int32(links.count)
        }
    }

    /// Room for a new node of `level` with no links yet: its vector goes in by the caller.
    func appendNodeStorage(id: Int, level: Int, deleted isDeleted: Bool) {
        externalIDs.append(id)
        levels.append(level)
        deleted.append(isDeleted)
        layer0 += repeatElement(-1, count: maxLinks0)
        layer0Count.append(0)
        upperStart.append(Int32(upperCount.count))
        upperLinks += repeatElement(-1, count: level * m)
        upperCount += repeatElement(0, count: level)
    }

    /// How many nodes reach each layer, from layer 0 up: about `n, n/M, n/M², …`.
    public var nodesPerLayer: [Int] {
        guard let top = levels.max() else { return [] }
        return (0...top).map { l in levels.reduce(0) { $0 + ($1 >= l ? 1 : 0) } }
    }

    /// The external ids of the live vectors.
    public var ids: [Int] { (0..<nodeCount).filter { !deleted[$0] }.map { externalIDs[$0] } }

    /// Whether a live vector has this id.
    public func contains(id: Int) -> Bool { nodeForID[id] != nil }

    /// Marks the vector `id` deleted; returns false when no live vector has that id.
    @discardableResult
    public func delete(id: Int) -> Bool {
        guard let node = nodeForID.removeValue(forKey: id) else { return false }
        deleted[node] = true
        liveCount -= 1
        return true
    }
}
