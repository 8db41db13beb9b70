import Foundation
import Retrieval
import Tensors

/// One vector workload per process run, for Scripts/bench/lib/interleave.py: it prints one JSON
/// line whose `best_seconds` is the fastest of `repeats` timings, plus what the table needs
/// (queries per second, recall@10 against the exact answers in `truth.i32`, bytes per vector).
///
/// - `exact-batch`, `exact-single`: ``ExactIndex``, all queries in one call, or one at a time
///   (the first `--single-queries`, 200 by default: each reads every stored vector);
/// - `int8`: ``Int8Index``, queries one at a time (build time = quantizing every vector);
/// - `hnsw-build`: builds ``HNSWIndex`` once (too slow to repeat) and saves it for `hnsw-search`;
/// - `hnsw-search`: loads that file, sets `efSearch`, queries one at a time.
enum VectorBench {
    static let k = 10

    static func run(folder: URL, workload: String, m: Int, efConstruction: Int, ef: Int, repeats: Int, label: String,
                    singleQueries: Int) throws {
        let (count, d, nq) = try BenchData.shape(folder)
        let single = min(singleQueries, nq)
        let data = try BenchData.readFloats(folder.appendingPathComponent("vectors.f32"))
        let queries = try BenchData.readFloats(folder.appendingPathComponent("queries.f32"))
        let rows = (0..<nq).map { SyntheticVectors.row(queries, $0, dimension: d) }
        let truth = try BenchData.truth(folder, queries: nq, k: k)
        let indexFile = folder.appendingPathComponent("hnsw-\(label)-m\(m)-efc\(efConstruction).idx")
        var out: [String: Any] = ["impl": "swift", "workload": workload]

        func best(queries: Int = nq, _ body: () -> [[SearchHit]]) -> Double {
            var times: [Double] = []
            for r in 0..<repeats {
                let (hits, t) = timed(body)
                times.append(t)
                if r == 0 { out["recall_at_10"] = recall(hits, Array(truth.prefix(queries))) }
            }
            out["qps"] = Double(queries) / times.min()!
            return times.min()!
        }

        switch workload {
        case "exact-batch", "exact-single":
            var exact = ExactIndex(dimension: d)
            let (_, build) = timed { for i in 0..<count { exact.add(SyntheticVectors.row(data, i, dimension: d), id: i) } }
            out["build_seconds"] = build
            out["bytes_per_vector"] = exact.bytesPerVector
            out["best_seconds"] = workload == "exact-batch"
                ? best { exact.search(batch: queries, k: k) }
                : best(queries: single) { rows.prefix(single).map { exact.search($0, k: k) } }
        case "int8":
            var int8 = Int8Index(dimension: d)
            let (_, build) = timed { for i in 0..<count { int8.add(SyntheticVectors.row(data, i, dimension: d), id: i) } }
            out["build_seconds"] = build
            out["bytes_per_vector"] = int8.bytesPerVector
            out["best_seconds"] = best { rows.map { int8.search($0, k: k) } }
        case "hnsw-build":
            let hnsw = HNSWIndex(dimension: d, m: m, efConstruction: efConstruction, efSearch: 64, seed: 1)
            let (_, build) = timed { for i in 0..<count { hnsw.add(SyntheticVectors.row(data, i, dimension: d), id: i) } }
            try hnsw.save(to: indexFile)
            out["best_seconds"] = build
            out["bytes_per_vector"] = hnsw.bytesPerVector
            let size = try FileManager.default.attributesOfItem(atPath: indexFile.path)[.size] as! Int
            out["file_bytes_per_vector"] = Double(size) / Double(count)
        case "hnsw-search":
            let hnsw = try HNSWIndex.load(from: indexFile)
            hnsw.efSearch = ef
            out["ef_search"] = ef
            out["best_seconds"] = best { rows.map { hnsw.search($0, k: k) } }
        default:
            throw BenchError.unknownWorkload(workload)
        }
        emit(out)
    }

    /// The share of the true top 10 found, over all queries.
    static func recall(_ results: [[SearchHit]], _ truth: [[Int]]) -> Double {
        let found = zip(results, truth).reduce(0) { $0 + Set($1.0.map(\.id)).intersection($1.1).count }
        return Double(found) / Double(truth.count * k)
    }
}

enum BenchError: Error {
    case unknownWorkload(String)
}
