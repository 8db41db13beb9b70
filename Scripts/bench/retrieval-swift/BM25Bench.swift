import Foundation
import Retrieval

/// Indexing (documents per second, from pre-tokenized text) and top-10 queries per second.
enum BM25Bench {
    static func run(folder: URL, repeats: Int) throws {
        let corpus = try BenchData.lines(folder.appendingPathComponent("corpus.txt"))
        let queries = try BenchData.lines(folder.appendingPathComponent("bm25-queries.txt"))
        var index = BM25()
        var indexTimes: [Double] = []
        for _ in 0..<repeats {
            let (built, t) = timed { BM25(documents: corpus) }
            index = built
            indexTimes.append(t)
        }
        emit(["impl": "swift", "workload": "bm25-index", "docs_per_second": Double(corpus.count) / median(indexTimes)])
        var queryTimes: [Double] = []
        var checksum = 0
        for _ in 0..<repeats {
            let (hits, t) = timed { queries.map { index.search($0, k: 10) } }
            queryTimes.append(t)
            checksum = hits.reduce(0) { $0 + ($1.first?.id ?? 0) }
        }
        emit(["impl": "swift", "workload": "bm25-query", "qps": Double(queries.count) / median(queryTimes), "checksum": checksum])
    }
}
