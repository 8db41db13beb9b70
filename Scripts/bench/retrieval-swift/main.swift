// The Swift side of Scripts/bench/retrieval: vector search (exact, int8 and HNSW) and BM25, timed
// in a release build, one workload per run and one JSON line on standard output.
//
//   RetrievalBench data <dir> [--count N] [--dimension D] [--queries Q] [--documents N]
//       writes the seeded vectors, queries, their exact top 10, and a tokenized corpus
//   RetrievalBench <workload> <dir> [--m 16] [--ef-construction 100] [--ef 64] [--repeats 3] [--label swift]
//       [--single-queries 200]
//       (--label names the saved HNSW file, so two builds can share a folder)
//       workload: exact-batch, exact-single, int8, hnsw-build, hnsw-search, bm25-index, bm25-query
import Foundation
import Retrieval
import Tensors

var arguments = Array(CommandLine.arguments.dropFirst())

guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: RetrievalBench data|<workload> <dir> [options]\n".utf8))
    exit(2)
}
let command = arguments.removeFirst()
let folder = URL(fileURLWithPath: arguments.removeFirst())

let options = arguments
func option(_ name: String, _ fallback: String) -> String {
    guard let i = options.firstIndex(of: "--" + name), i + 1 < options.count else { return fallback }
    return options[i + 1]
}

switch command {
case "data":
    try BenchData.write(to: folder, count: Int(option("count", "100000"))!, dimension: Int(option("dimension", "128"))!,
                        queries: Int(option("queries", "1000"))!, documents: Int(option("documents", "100000"))!)
case "bm25-index", "bm25-query":
    try BM25Bench.run(folder: folder, workload: command, repeats: Int(option("repeats", "3"))!)
default:
    try VectorBench.run(folder: folder, workload: command, m: Int(option("m", "16"))!,
                        efConstruction: Int(option("ef-construction", "100"))!, ef: Int(option("ef", "64"))!,
                        repeats: Int(option("repeats", "3"))!, label: option("label", "swift"),
                        singleQueries: Int(option("single-queries", "200"))!)
}
