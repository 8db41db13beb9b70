import Foundation
import Retrieval

/// BM25 for Scripts/bench/lib/interleave.py, one workload per run: `bm25-index` (documents per
/// second, from pre-tokenized text) or `bm25-query` (top-10 queries per second).
enum BM25Bench {
    static func run(folder: URL, workload: String, repeats: Int) throws {
        let corpus = try BenchData.lines(folder.appendingPathComponent("corpus.txt"))
        let queries = try BenchData.lines(folder.appendingPathComponent("bm25-queries.txt"))
        var out: [String: Any] = ["impl": "swift", "workload": workload]
        switch workload {
        case "bm25-index":
            var times: [Double] = []
            for _ in 0..<repeats { times.append(timed { BM25(documents: corpus) }.1) }
            out["best_seconds"] = times.min()!
            out["docs_per_second"] = Double(corpus.count) / times.min()!
        case "bm25-query":
            let index = BM25(documents: corpus)
            var times: [Double] = []
            for _ in 0..<repeats { times.append(timed { queries.map { index.search($0, k: 10) } }.1) }
            out["best_seconds"] = times.min()!
            out["qps"] = Double(queries.count) / times.min()!
        default:
            throw BenchError.unknownWorkload(workload)
        }
        emit(out)
    }
}
