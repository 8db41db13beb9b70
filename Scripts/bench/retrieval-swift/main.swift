// The Swift side of Scripts/bench/retrieval: vector search (exact and HNSW) and BM25, timed in a
// release build, one JSON line per measurement on standard output.
//
//   RetrievalBench data <dir> [--count N] [--dimension D] [--queries Q] [--documents N]
//       writes the seeded vectors, queries and a tokenized corpus both sides read
//   RetrievalBench vectors <dir> [--m 16] [--ef-construction 100] [--ef 16,32,64,128,256] [--repeats 3]
//   RetrievalBench bm25 <dir> [--repeats 3]
import Foundation
import Retrieval
import Tensors

var arguments = Array(CommandLine.arguments.dropFirst())

guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: RetrievalBench data|vectors|bm25 <dir> [options]\n".utf8))
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
case "vectors":
    try VectorBench.run(folder: folder, m: Int(option("m", "16"))!, efConstruction: Int(option("ef-construction", "100"))!,
                        efs: option("ef", "16,32,64,128,256").split(separator: ",").map { Int($0)! },
                        repeats: Int(option("repeats", "3"))!)
case "bm25":
    try BM25Bench.run(folder: folder, repeats: Int(option("repeats", "3"))!)
default:
    FileHandle.standardError.write(Data("unknown command \(command)\n".utf8))
    exit(2)
}
