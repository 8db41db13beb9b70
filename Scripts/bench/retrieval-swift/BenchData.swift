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

    static func shape(_ folder: URL) throws -> (count: Int, dimension: Int, queries: Int) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("shape.json"))) as! [String: Int]
        return (object["count"]!, object["dimension"]!, object["queries"]!)
    }

    static func lines(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }
}

/// Wall-clock seconds of `body`, and the median of several runs.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    // One write per line, so results interleave cleanly with the driver's other output.
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}
