import Foundation
import Retrieval
import Tensors

/// Exact search (one BLAS product for all queries, and one matrix–vector product per query)
/// and HNSW (build time, then recall@10 against exact and queries per second for each efSearch).
enum VectorBench {
    static func run(folder: URL, m: Int, efConstruction: Int, efs: [Int], repeats: Int) throws {
        let (count, d, nq) = try BenchData.shape(folder)
        let data = try BenchData.readFloats(folder.appendingPathComponent("vectors.f32"))
        let queries = try BenchData.readFloats(folder.appendingPathComponent("queries.f32"))
        let k = 10
        var exact = ExactIndex(dimension: d)
        for i in 0..<count { exact.add(SyntheticVectors.row(data, i, dimension: d), id: i) }

        // Exact, batched: S = Q Vᵀ in one sgemm, then top-k per row.
        var truth: [[SearchHit]] = []
        var batchTimes: [Double] = []
        for _ in 0..<repeats {
            let (hits, t) = timed { exact.search(batch: queries, k: k) }
            truth = hits
            batchTimes.append(t)
        }
        emit(["impl": "swift", "workload": "exact-batch", "qps": Double(nq) / median(batchTimes)])
        // Exact, one query at a time (what an application answering one request does).
        var singleTimes: [Double] = []
        for _ in 0..<repeats {
            let (_, t) = timed { for q in 0..<nq { _ = exact.search(SyntheticVectors.row(queries, q, dimension: d), k: k) } }
            singleTimes.append(t)
        }
        emit(["impl": "swift", "workload": "exact-single", "qps": Double(nq) / median(singleTimes)])

        let hnsw = HNSWIndex(dimension: d, m: m, efConstruction: efConstruction, efSearch: 64, seed: 1)
        let (_, build) = timed { for i in 0..<count { hnsw.add(SyntheticVectors.row(data, i, dimension: d), id: i) } }
        emit(["impl": "swift", "workload": "hnsw-build", "seconds": build, "m": m, "ef_construction": efConstruction,
              "bytes_per_vector": hnsw.bytesPerVector])
        let rows = (0..<nq).map { SyntheticVectors.row(queries, $0, dimension: d) }
        for ef in efs {
            hnsw.efSearch = ef
            var found = 0
            var times: [Double] = []
            for r in 0..<repeats {
                let (results, t) = timed { rows.map { hnsw.search($0, k: k) } }
                times.append(t)
                if r == 0 {
                    for (got, want) in zip(results, truth) { found += Set(got.map(\.id)).intersection(want.map(\.id)).count }
                }
            }
            emit(["impl": "swift", "workload": "hnsw-search", "ef_search": ef, "recall_at_10": Double(found) / Double(nq * k),
                  "qps": Double(nq) / median(times)])
        }
    }
}
