import Foundation
import Testing
@testable import Retrieval

/// The fixture written by Scripts/fixtures/bm25_parity.py.
private struct ParityFixture: Decodable {
    struct Case: Decodable {
        var query: String
        var terms: [String]
        var bm25s_lucene: [Double]
        var rank_bm25_okapi_lucene_idf: [Double]
    }
    var k1: Double
    var b: Double
    var documents: [String]
    var document_terms: [[String]]
    var queries: [Case]
}

@Suite("BM25")
struct BM25Tests {
    private func fixture() throws -> ParityFixture {
        let data = try Data(contentsOf: FixturePaths.folder.appendingPathComponent("bm25_parity.json"))
        return try JSONDecoder().decode(ParityFixture.self, from: data)
    }

    @Test("the tokenizer gives the fixture's tokens for every document and query")
    func tokenizerMatchesFixture() throws {
        let f = try fixture()
        #expect(f.documents.map(SearchTokenizer.terms) == f.document_terms)
        for c in f.queries { #expect(SearchTokenizer.terms(c.query) == c.terms) }
    }

    @Test("scores match bm25s (lucene, float64) within 1e-6 relative")
    func parityWithBM25s() throws {
        let f = try fixture()
        let bm25 = BM25(documents: f.document_terms, k1: f.k1, b: f.b)
        var worst = 0.0
        for c in f.queries {
            let ours = bm25.scores(c.terms)
            #expect(ours.count == c.bm25s_lucene.count)
            for (a, e) in zip(ours, c.bm25s_lucene) { worst = max(worst, abs(a - e) / max(abs(e), 1e-12)) }
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }

    @Test("scores match rank_bm25's BM25Okapi with the Lucene idf, divided by (k1 + 1)")
    func parityWithRankBM25() throws {
        let f = try fixture()
        let bm25 = BM25(documents: f.document_terms, k1: f.k1, b: f.b)
        for c in f.queries {
            for (a, e) in zip(bm25.scores(c.terms), c.rank_bm25_okapi_lucene_idf) {
                #expect(abs(a - e / (f.k1 + 1)) <= 1e-6 * max(abs(e / (f.k1 + 1)), 1e-12), "\(c.query)")
            }
        }
    }

    @Test("a worked example: one term, two documents")
    func workedExample() {
        // N = 2, df(cat) = 1: idf = ln((2 − 1 + 0.5)/(1 + 0.5) + 1) = ln 2.
        // Document 0 has length 2, avgdl = 2.5, tf = 1:
        //   1 / (1 + 1.5 · (0.25 + 0.75 · 2/2.5)) = 1 / 2.275.
        let bm25 = BM25(documents: [["cat", "sat"], ["dog", "ran", "off"]])
        let s = bm25.scores(["cat"])
        #expect(abs(s[0] - log(2.0) / 2.275) < 1e-12)
        #expect(s[1] == 0)
        #expect(bm25.index.documentFrequency("cat") == 1)
        #expect(bm25.index.averageLength == 2.5)
    }

    @Test("search returns only matching documents, best first, ties by lower id")
    func search() throws {
        let bm25 = BM25(documents: [["a", "b"], ["c"], ["a", "b"], ["a"]])
        let hits = bm25.search(["b"], k: 10)
        #expect(hits.map(\.id) == [0, 2])
        #expect(hits[0].score == hits[1].score)
        #expect(bm25.search(["zzz"], k: 3).isEmpty)
        #expect(bm25.search(["a"], k: 1).map(\.id) == [3])     // shortest document wins
    }
}
