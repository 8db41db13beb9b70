import Foundation
import Testing
import Tensors
@testable import Retrieval

@Suite("HNSW")
struct HNSWTests {
    static let d = 32

    static func build(count: Int, seed: UInt64) -> (HNSWIndex, ExactIndex, [Float]) {
        let data = SyntheticVectors.clustered(count: count, dimension: d, clusters: 50, seed: seed)
        let hnsw = HNSWIndex(dimension: d, m: 16, efConstruction: 100, efSearch: 64, seed: 7)
        var exact = ExactIndex(dimension: d)
        for i in 0..<count {
            let v = SyntheticVectors.row(data, i, dimension: d)
            hnsw.add(v, id: i)
            exact.add(v, id: i)
        }
        return (hnsw, exact, data)
    }

    static func recall(_ hnsw: HNSWIndex, _ exact: ExactIndex, queries: [Float], k: Int = 10) -> Double {
        let n = queries.count / d
        var found = 0
        for q in 0..<n {
            let query = SyntheticVectors.row(queries, q, dimension: d)
            found += Set(exact.search(query, k: k).map(\.id)).intersection(hnsw.search(query, k: k).map(\.id)).count
        }
        return Double(found) / Double(n * k)
    }

    @Test("recall@10 ≥ 0.95 against exact search on 5,000 clustered vectors")
    func recallAgainstExact() {
        let (hnsw, exact, _) = Self.build(count: 5_000, seed: 21)
        let queries = SyntheticVectors.clustered(count: 200, dimension: Self.d, clusters: 50, seed: 22)
        let r = Self.recall(hnsw, exact, queries: queries)
        #expect(r >= 0.95, "recall@10 = \(r)")
        #expect(hnsw.count == 5_000)
        // Layer 0 is dense, upper layers sparse: about n / M nodes reach layer 1.
        let upper = hnsw.levels.filter { $0 >= 1 }.count
        #expect(upper > 5_000 / 16 / 2 && upper < 5_000 / 16 * 2)
    }

    @Test("a stored vector is its own nearest neighbor")
    func findsItself() {
        let (hnsw, _, data) = Self.build(count: 1_000, seed: 31)
        var hits = 0
        for i in stride(from: 0, to: 1_000, by: 10) where hnsw.search(SyntheticVectors.row(data, i, dimension: Self.d), k: 1).first?.id == i {
            hits += 1
        }
        #expect(hits >= 98)
    }

    @Test("deleted vectors are never returned; the rest stay reachable")
    func delete() {
        let (hnsw, _, data) = Self.build(count: 1_000, seed: 41)
        for id in 0..<500 { #expect(hnsw.delete(id: id)) }
        #expect(!hnsw.delete(id: 3))
        #expect(hnsw.count == 500 && hnsw.nodeCount == 1_000)
        var survivorsFound = 0
        for i in stride(from: 0, to: 1_000, by: 7) {
            let hits = hnsw.search(SyntheticVectors.row(data, i, dimension: Self.d), k: 10)
            #expect(hits.allSatisfy { $0.id >= 500 })
            #expect(hits.count == 10)
            if i >= 500 && hits.first?.id == i { survivorsFound += 1 }
        }
        #expect(survivorsFound >= 68)   // of the 71 survivors queried
        // An id can be added again once deleted.
        hnsw.add(SyntheticVectors.row(data, 0, dimension: Self.d), id: 0)
        #expect(hnsw.search(SyntheticVectors.row(data, 0, dimension: Self.d), k: 1).first?.id == 0)
    }

    @Test("save and load give the same index: same answers, same later inserts")
    func roundTrip() throws {
        let (hnsw, _, data) = Self.build(count: 800, seed: 51)
        hnsw.delete(id: 5)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hnsw-\(UUID().uuidString).idx")
        defer { try? FileManager.default.removeItem(at: url) }
        try hnsw.save(to: url)
        let loaded = try HNSWIndex.load(from: url)
        #expect(loaded.count == 799 && loaded.m == 16 && loaded.efSearch == 64)
        for i in stride(from: 0, to: 800, by: 13) {
            let q = SyntheticVectors.row(data, i, dimension: Self.d)
            #expect(loaded.search(q, k: 10) == hnsw.search(q, k: 10))
        }
        let extra = SyntheticVectors.clustered(count: 1, dimension: Self.d, clusters: 3, seed: 99)
        hnsw.add(extra, id: 10_000)
        loaded.add(extra, id: 10_000)
        #expect(loaded.levels == hnsw.levels && loaded.layer0 == hnsw.layer0)
    }

    @Test("a damaged, cut or foreign file is rejected with a typed error")
    func damagedFiles() throws {
        let (hnsw, _, _) = Self.build(count: 100, seed: 61)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hnsw-\(UUID().uuidString).idx")
        defer { try? FileManager.default.removeItem(at: url) }
        try hnsw.save(to: url)
        var bytes = [UInt8](try Data(contentsOf: url))

        func load(_ b: [UInt8]) throws -> HNSWIndex {
            try Data(b).write(to: url)
            return try HNSWIndex.load(from: url)
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        #expect(throws: HNSWFileError.checksumMismatch(path: url.path)) { try load(flipped) }
        #expect(throws: HNSWFileError.checksumMismatch(path: url.path)) { try load(Array(bytes.prefix(bytes.count - 100))) }
        #expect(throws: HNSWFileError.notAnIndex(path: url.path)) { try load(Array("hello, world".utf8)) }
        #expect(throws: HNSWFileError.truncated(path: url.path)) { try load(Array(bytes.prefix(10))) }
        bytes[8] = 9   // version 9
        #expect(throws: HNSWFileError.unsupportedVersion(path: url.path, found: 9, supported: 1)) { try load(bytes) }
        let missing = url.deletingLastPathComponent().appendingPathComponent("no-such-\(UUID().uuidString).idx")
        #expect {
            try HNSWIndex.load(from: missing)
        } throws: { error in
            if case .cannotRead? = error as? HNSWFileError { return true }
            return false
        }
        #expect(HNSWFileError.checksumMismatch(path: "x.idx").description.contains("Rebuild"))
    }
}

@Suite("HNSW fast routines against the readable ones")
struct HNSWFastTests {
    static let d = 24

    /// The same data inserted twice, once with the readable walks, once with the fast ones.
    static func pair(count: Int, m: Int, seed: UInt64) -> (reference: HNSWIndex, fast: HNSWIndex, data: [Float]) {
        let data = SyntheticVectors.clustered(count: count, dimension: d, clusters: 12, seed: seed)
        let reference = HNSWIndex(dimension: d, m: m, efConstruction: 40, efSearch: 20, seed: seed)
        reference.usesReferenceRoutines = true
        let fast = HNSWIndex(dimension: d, m: m, efConstruction: 40, efSearch: 20, seed: seed)
        for i in 0..<count {
            let v = SyntheticVectors.row(data, i, dimension: d)
            reference.add(v, id: 3 * i + 1)
            fast.add(v, id: 3 * i + 1)
        }
        return (reference, fast, data)
    }

    @Test("building with the fast walks gives the same graph, link for link", arguments: [4, 8])
    func sameGraph(m: Int) {
        let (reference, fast, _) = Self.pair(count: 1_500, m: m, seed: UInt64(m))
        #expect(fast.levels == reference.levels)
        #expect(fast.layer0 == reference.layer0 && fast.layer0Count == reference.layer0Count)
        #expect(fast.upperLinks == reference.upperLinks && fast.upperCount == reference.upperCount)
        #expect(fast.entryPoint == reference.entryPoint)
        #expect(fast.nodesPerLayer.count >= 3)          // the upper-layer code paths ran
    }

    @Test("fast and readable searches return the same hits, scores bit for bit")
    func sameHits() {
        let (index, _, data) = Self.pair(count: 1_200, m: 6, seed: 3)
        let queries = SyntheticVectors.clustered(count: 60, dimension: Self.d, clusters: 12, seed: 3, drawSeed: 4)
        for ef in [1, 10, 50] {
            index.efSearch = ef
            for q in 0..<60 {
                let query = SyntheticVectors.row(queries, q, dimension: Self.d)
                #expect(index.search(query, k: 10) == index.searchReference(query, k: 10))
            }
        }
        // Deleted nodes: walked through, never returned, by both.
        for id in stride(from: 1, to: 3 * 1_200, by: 6) { index.delete(id: id) }
        for q in 0..<20 {
            let query = SyntheticVectors.row(data, 2 * q, dimension: Self.d)
            let hits = index.search(query, k: 5)
            #expect(hits == index.searchReference(query, k: 5))
            #expect(hits.allSatisfy { ($0.id - 1) % 6 != 0 })
        }
    }

    @Test("one layer's fast walk returns the readable walk's nodes in the same order")
    func sameLayerResults() {
        let (index, _, _) = Self.pair(count: 800, m: 5, seed: 9)
        let queries = SyntheticVectors.clustered(count: 20, dimension: Self.d, clusters: 12, seed: 9, drawSeed: 10)
        for q in 0..<20 {
            let query = SyntheticVectors.row(queries, q, dimension: Self.d)
            query.withUnsafeBufferPointer { p in
                let start = HNSWIndex.Scored(similarity: index.similarity(index.entryPoint, p.baseAddress!), node: Int32(index.entryPoint))
                for layer in 0...index.maxLevel {
                    for ef in [3, 30, 200] {   // 200: the candidate heap outgrows its first buffer
                        let slow = index.searchLayer(p.baseAddress!, entry: start, ef: ef, layer: layer, skipDeleted: false)
                        let fast = index.searchLayerFastArray(p.baseAddress!, entry: start, ef: ef, layer: layer, skipDeleted: false)
                        #expect(fast == slow)
                    }
                    if layer > 0 {
                        #expect(index.greedyClosestFast(p.baseAddress!, from: start, layer: layer)
                                == index.greedyClosest(p.baseAddress!, from: start, layer: layer))
                    }
                }
            }
        }
    }

    @Test("the raw heap pops in the same order as ScoredHeap, ties included")
    func rawHeapMatches() {
        var rng = SplitMix64(seed: 5)
        var reference = ScoredHeap(mostSimilarFirst: true)
        var raw = RawScoredHeap<MostSimilarFirst>(base: .allocate(capacity: 2), capacity: 2)
        defer { raw.base.deallocate() }
        for step in 0..<2_000 {
            if rng.nextInt(below: 3) > 0 || raw.count == 0 {
                // Few distinct values: many ties, which must break the same way.
                let item = HNSWIndex.Scored(similarity: Float(rng.nextInt(below: 20)), node: Int32(step))
                reference.push(item)
                raw.push(item)
            } else {
                #expect(raw.pop() == reference.pop())
            }
            #expect(raw.count == reference.count)
        }
        while raw.count > 0 { #expect(raw.pop() == reference.pop()) }
    }
}
