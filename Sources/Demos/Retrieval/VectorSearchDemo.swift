import Foundation
import Retrieval
import Tensors

/// `llmcourse run vector-search`: exact, int8 and HNSW search on the same clustered vectors,
/// compared by recall@10 and bytes per vector (never by time, so the output is the same on
/// every machine).
enum VectorSearchDemo {
    static let demo = Demo(id: "vector-search", summary: "Exact, int8 and HNSW vector search: recall@10 against memory and work",
                           inputs: ["Sources/Demos/Retrieval", "Sources/Retrieval"]) { ctx in
        let (n, d, nq) = ctx.quick ? (3_000, 32, 50) : (20_000, 64, 200)
        let spread = 0.6 / Float(d).squareRoot()
        let data = SyntheticVectors.clustered(count: n, dimension: d, clusters: 50, spread: spread, seed: ctx.seed)
        // The same 50 centers, other points around them: questions about the same topics.
        let queryData = SyntheticVectors.clustered(count: nq, dimension: d, clusters: 50, spread: spread, seed: ctx.seed, drawSeed: ctx.seed + 1)
        let queries = (0..<nq).map { SyntheticVectors.row(queryData, $0, dimension: d) }
        ctx.heading(ctx.tr("{0} unit vectors of {1} dimensions in 50 clusters; {2} queries", String(n), String(d), String(nq)))

        var exact = ExactIndex(dimension: d), int8 = Int8Index(dimension: d)
        let hnsw = HNSWIndex(dimension: d, m: 16, efConstruction: 100, efSearch: 16, seed: ctx.seed)
        let indexing = ctx.progress("building the indexes", total: n)
        for i in 0..<n {
            let v = SyntheticVectors.row(data, i, dimension: d)
            exact.add(v, id: i)
            int8.add(v, id: i)
            hnsw.add(v, id: i)
            indexing.advance()
        }
        indexing.finish()
        let truth = queries.map { Set(exact.search($0, k: 10).map(\.id)) }
        func recall(_ search: ([Float]) -> [SearchHit]) -> Double {
            Double(zip(queries, truth).reduce(0) { $0 + Set(search($1.0).map(\.id)).intersection($1.1).count }) / Double(nq * 10)
        }

        ctx.say("Exact search scores every vector with one matrix–vector product: {0} × {1} = {2} multiply-adds per query.", String(n), String(d), String(n * d))
        ctx.table([ctx.tr("index"), ctx.tr("bytes per vector"), "recall@10"], [
            [ctx.tr("exact (float32)"), String(Int(exact.bytesPerVector)), "1.000"],
            [ctx.tr("int8 codes + scale"), String(Int(int8.bytesPerVector)), fixed(recall { int8.search($0, k: 10) }, 3)],
        ])

        ctx.heading(ctx.tr("HNSW (M = 16, efConstruction = 100): efSearch is the recall dial"))
        let levels = hnsw.nodesPerLayer
        ctx.say("nodes per layer, bottom up: {0} — each layer about 1/M of the one below", levels.map(String.init).joined(separator: ", "))
        var rows: [[String]] = []
        for ef in [10, 20, 40, 80, 160] {
            hnsw.efSearch = ef
            rows.append([String(ef), fixed(recall { hnsw.search($0, k: 10) }, 3)])
        }
        ctx.table(["efSearch", "recall@10"], rows)
        ctx.say("bytes per vector: {0} (the vector plus its links)", String(format: "%.0f", hnsw.bytesPerVector))

        ctx.heading(ctx.tr("Save, damage, load"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vector-search-\(ProcessInfo.processInfo.processIdentifier).hnsw")
        defer { try? FileManager.default.removeItem(at: url) }
        try hnsw.save(to: url)
        let loaded = try HNSWIndex.load(from: url)
        let same = queries.prefix(20).allSatisfy { loaded.search($0, k: 10) == hnsw.search($0, k: 10) }
        ctx.say("saved {0} nodes; loaded back, the same answers on 20 queries: {1}", String(n), same ? ctx.tr("yes") : ctx.tr("NO"))
        var bytes = [UInt8](try Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 1
        try Data(bytes).write(to: url)
        do {
            _ = try HNSWIndex.load(from: url)
            ctx.say("a damaged file loaded: this should not happen")
        } catch HNSWFileError.checksumMismatch {
            ctx.say("one flipped bit: rejected with HNSWFileError.checksumMismatch (\"rebuild the index and save it again\")")
        }
    }
}
