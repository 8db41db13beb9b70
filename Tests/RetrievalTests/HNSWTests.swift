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
