import Foundation
import Retrieval
import Tensors

/// The inputs both sides of the benchmark read, so that they measure the same work.
///
/// - `vectors.f32`, `queries.f32`: little-endian float32, row-major, with the shape in
///   `shape.json` (seeded clustered unit vectors, ``SyntheticVectors``);
/// - `corpus.txt`, `bm25-queries.txt`: one tokenized document (or query) per line, terms
///   separated by spaces, drawn from a Zipf-like vocabulary as real text is.
enum BenchData {
    static func write(to folder: URL, count: Int, dimension: Int, queries: Int, documents: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Noise of norm about 0.6 around each centre: nearest neighbors at cosine ≈ 0.7–0.8, as
        // with text embeddings (a spread fixed per coordinate would drown 128 dimensions in noise).
        let spread = 0.6 / Float(dimension).squareRoot()
        let data = SyntheticVectors.clustered(count: count, dimension: dimension, clusters: 100, spread: spread, seed: 1)
        let q = SyntheticVectors.clustered(count: queries, dimension: dimension, clusters: 100, spread: spread, seed: 1, drawSeed: 2)
        try floats(data).write(to: folder.appendingPathComponent("vectors.f32"))
        try floats(q).write(to: folder.appendingPathComponent("queries.f32"))
        let shape = "{\"count\": \(count), \"dimension\": \(dimension), \"queries\": \(queries)}\n"
        try Data(shape.utf8).write(to: folder.appendingPathComponent("shape.json"))
        // The exact top 10 of every query (int32, [queries, 10]): what recall is measured against.
        var exact = ExactIndex(dimension: dimension)
        for i in 0..<count { exact.add(SyntheticVectors.row(data, i, dimension: dimension), id: i) }
        let truth = exact.search(batch: q, k: 10).flatMap { $0.map { Int32($0.id) } }
        try truth.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: folder.appendingPathComponent("truth.i32"))

        var rng = SplitMix64(seed: 7)
        let vocabulary = 30_000
        // Zipf with exponent 1: P(rank r) ∝ 1/r, drawn by inverting the cumulative sum.
        var cumulative = [Double](repeating: 0, count: vocabulary)
        var total = 0.0
        for r in 0..<vocabulary { total += 1 / Double(r + 1); cumulative[r] = total }
        func word() -> String {
            let u = rng.nextUniformDouble() * total
            var lo = 0, hi = vocabulary - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
            return "w\(lo)"
        }
        var corpus = ""
        for _ in 0..<documents {
            corpus += (0..<(20 + rng.nextInt(below: 100))).map { _ in word() }.joined(separator: " ") + "\n"
        }
        try Data(corpus.utf8).write(to: folder.appendingPathComponent("corpus.txt"))
        var queryText = ""
        for _ in 0..<queries { queryText += (0..<(2 + rng.nextInt(below: 5))).map { _ in word() }.joined(separator: " ") + "\n" }
        try Data(queryText.utf8).write(to: folder.appendingPathComponent("bm25-queries.txt"))
    }

    static func floats(_ values: [Float]) -> Data {
        values.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func readFloats(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    static func truth(_ folder: URL, queries: Int, k: Int) throws -> [[Int]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("truth.i32"))
        let ids = data.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }
        return (0..<queries).map { q in ids[(q * k)..<((q + 1) * k)].map(Int.init) }
    }

    static func shape(_ folder: URL) throws -> (count: Int, dimension: Int, queries: Int) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("shape.json"))) as! [String: Int]
        return (object["count"]!, object["dimension"]!, object["queries"]!)
    }

    static func lines(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }
}

/// Seconds `body` took on the clock `BENCH_CLOCK` names: `cpu` (the default), the time this
/// thread ran, which a busy machine inflates much less than the wall clock; or `wall`. Every
/// workload here runs on one thread (the peer's too), so the two agree on an idle machine.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let value = try body()
    return (value, now() - start)
}

let benchClock = ProcessInfo.processInfo.environment["BENCH_CLOCK"] ?? "cpu"

func now() -> Double {
    var t = timespec()
    clock_gettime(benchClock == "wall" ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func emit(_ fields: [String: Any]) {
    var fields = fields
    fields["clock"] = benchClock
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    // One write per line, so results interleave cleanly with the driver's other output.
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}
