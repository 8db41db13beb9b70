import Foundation
import Testing
import Tensors
@testable import Retrieval

@Suite("Exact and int8 vector indexes")
struct VectorIndexTests {
    @Test("top-k keeps the best k, best first, ties by lower id, NaN skipped")
    func topK() {
        let s: [Double] = [0.1, 0.9, 0.5, 0.9, .nan, 0.7]
        #expect(TopK.select(3, count: s.count) { s[$0] }.map(\.id) == [1, 3, 5])
        #expect(TopK.select(0, count: s.count) { s[$0] }.isEmpty)
        #expect(TopK.select(10, count: s.count) { s[$0] }.count == 5)
        let hits = [SearchHit(id: 9, score: 1), SearchHit(id: 2, score: 1), SearchHit(id: 5, score: 2)]
        #expect(TopK.select(2, from: hits).map(\.id) == [5, 2])
    }

    @Test("exact search equals a dot product with every vector, sorted")
    func exactMatchesLoop() {
        let d = 16
        let data = SyntheticVectors.clustered(count: 300, dimension: d, clusters: 5, seed: 3)
        var index = ExactIndex(dimension: d)
        for i in 0..<300 { index.add(SyntheticVectors.row(data, i, dimension: d), id: 1000 + i) }
        let q = VectorMath.normalized((0..<d).map { Float($0 % 5) - 2 })
        let loop = (0..<300).map { i -> SearchHit in
            let v = SyntheticVectors.row(data, i, dimension: d)
            return SearchHit(id: 1000 + i, score: Double(zip(q, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }))
        }.sorted(by: SearchHit.ranksBefore)
        let hits = index.search(q, k: 10)
        #expect(hits.map(\.id) == loop.prefix(10).map(\.id))
        for (a, b) in zip(hits, loop) { #expect(abs(a.score - b.score) < 1e-5) }
        #expect(index.bytesPerVector == 64)
    }

    @Test("batch search gives the same answers as one query at a time")
    func batch() {
        let d = 8
        let data = SyntheticVectors.clustered(count: 200, dimension: d, clusters: 4, seed: 5)
        let queries = SyntheticVectors.clustered(count: 7, dimension: d, clusters: 4, seed: 6)
        var index = ExactIndex(dimension: d)
        index.add(contentsOf: (0..<200).map { SyntheticVectors.row(data, $0, dimension: d) })
        let batch = index.search(batch: queries, k: 5)
        // Tiles of 3 queries × 64 stored rows: the last tile of each is short (200 = 3 · 64 + 8).
        let tiled = index.search(batch: queries, k: 5, block: 3, rowBlock: 64)
        for q in 0..<7 {
            let single = index.search(SyntheticVectors.row(queries, q, dimension: d), k: 5)
            #expect(batch[q].map(\.id) == single.map(\.id))
            // Same hits; scores may differ in the last bit (BLAS sums a narrower product in another order).
            #expect(tiled[q].map(\.id) == batch[q].map(\.id))
            #expect(zip(tiled[q], batch[q]).allSatisfy { abs($0.score - $1.score) < 1e-5 })
        }
    }

    @Test("a filtered exact search only returns passing ids")
    func filtered() {
        var index = ExactIndex(dimension: 2)
        index.add(contentsOf: [[1, 0], [0.9, 0.1], [0, 1], [0.8, 0.2]])
        #expect(index.search([1, 0], k: 2, where: { $0 % 2 == 1 }).map(\.id) == [1, 3])
        #expect(index.search([1, 0], k: 2, passing: { $0 >= 2 }).map(\.id) == [3, 2])
    }

    @Test("int8 codes use the full range and reconstruct within half a step")
    func quantize() {
        let v: [Float] = [0.5, -1.27, 0.01, 1.0]
        let (codes, scale) = Int8Index.quantize(v)
        #expect(codes == [50, -127, 1, 100])
        #expect(abs(scale - 0.01) < 1e-7)
        for (c, x) in zip(codes, v) { #expect(abs(Float(c) * scale - x) <= scale / 2 + 1e-6) }
        #expect(Int8Index.quantize([0, 0]).codes == [0, 0])
    }

    @Test("int8 search finds ≥ 90 % of the exact top 10 with a quarter of the bytes")
    func int8Recall() {
        let d = 32
        let data = SyntheticVectors.clustered(count: 2_000, dimension: d, clusters: 20, seed: 11)
        let queries = SyntheticVectors.clustered(count: 50, dimension: d, clusters: 20, seed: 12)
        var exact = ExactIndex(dimension: d), int8 = Int8Index(dimension: d)
        for i in 0..<2_000 {
            let v = SyntheticVectors.row(data, i, dimension: d)
            exact.add(v, id: i)
            int8.add(v, id: i)
        }
        var found = 0
        for q in 0..<50 {
            let query = SyntheticVectors.row(queries, q, dimension: d)
            found += Set(exact.search(query, k: 10).map(\.id)).intersection(int8.search(query, k: 10).map(\.id)).count
        }
        #expect(Double(found) / 500 >= 0.9, "recall@10 \(Double(found) / 500)")
        #expect(int8.bytesPerVector == 36 && exact.bytesPerVector == 128)
    }
}

@Suite("Exact search kernels against the readable ones")
struct ExactFastTests {
    @Test("four rows at a time equal the plain loop, for any length and row count", arguments: [1, 7, 8, 13, 128])
    func dotRows(n: Int) {
        var rng = SplitMix64(seed: UInt64(n))
        let rows = 11
        let q = (0..<n).map { _ in rng.nextNormal() }
        let m = (0..<(rows * n)).map { _ in rng.nextNormal() }
        var out = [Float](repeating: .nan, count: rows)
        q.withUnsafeBufferPointer { q in
            m.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { VectorMath.dotRows(q.baseAddress!, m.baseAddress!, count: rows, n, into: $0.baseAddress!) }
            }
        }
        for r in 0..<rows {
            let loop = (0..<n).reduce(Float(0)) { $0 + q[$1] * m[r * n + $1] }
            #expect(abs(out[r] - loop) <= 1e-5 * Float(n), "row \(r): \(out[r]) vs \(loop)")
        }
    }

    @Test("blocked search keeps the same hits as scoring everything and selecting once")
    func blockedSearch() {
        let d = 20, n = 2 * ExactIndex.rowsPerBlock + 37   // three blocks, the last one short
        let data = SyntheticVectors.clustered(count: n, dimension: d, clusters: 30, seed: 8)
        var index = ExactIndex(dimension: d)
        for i in 0..<n { index.add(SyntheticVectors.row(data, i, dimension: d), id: 5 * i) }
        let queries = SyntheticVectors.clustered(count: 12, dimension: d, clusters: 30, seed: 8, drawSeed: 9)
        for q in 0..<12 {
            let query = SyntheticVectors.row(queries, q, dimension: d)
            let s = index.scores(query)
            let reference = TopK.select(10, count: n, id: { 5 * $0 }) { Double(s[$0]) }
            let hits = index.search(query, k: 10)
            #expect(hits.map(\.id) == reference.map(\.id))
            for (a, b) in zip(hits, reference) { #expect(abs(a.score - b.score) < 1e-5) }
        }
        #expect(index.search(SyntheticVectors.row(queries, 0, dimension: d), k: 0).isEmpty)
    }

    @Test("the streaming top-k keeps what TopK.select keeps, NaN and ties included")
    func stream() {
        var rng = SplitMix64(seed: 4)
        // Few distinct values: ties everywhere, which must break by lower id as in TopK.
        var scores = (0..<1_003).map { _ in Float(rng.nextInt(below: 50)) / 10 }
        for i in stride(from: 3, to: scores.count, by: 97) { scores[i] = .nan }
        let ids = Array((0..<scores.count).reversed())
        for k in [0, 1, 10, 64] {
            let whole = scores.withUnsafeBufferPointer { s in ids.withUnsafeBufferPointer { TopK.select(k, scores: s, ids: $0) } }
            var top = TopKStream(k: k)
            scores.withUnsafeBufferPointer { s in
                ids.withUnsafeBufferPointer { ids in
                    for first in stride(from: 0, to: s.count, by: 100) {   // blocks of 100, the last of 3
                        top.add(UnsafeBufferPointer(rebasing: s[first..<min(first + 100, s.count)]), firstRow: first, ids: ids)
                    }
                }
            }
            #expect(top.hits == whole)
        }
    }
}
