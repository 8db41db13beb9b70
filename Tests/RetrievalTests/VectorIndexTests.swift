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
        for q in 0..<7 {
            let single = index.search(SyntheticVectors.row(queries, q, dimension: d), k: 5)
            #expect(batch[q].map(\.id) == single.map(\.id))
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
