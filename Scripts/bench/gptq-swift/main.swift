// GPTQ timing for Scripts/bench/gptq: one layer, random weights and calibration inputs built
// from the same seeded recipe as gptq_peer.py, timed from inputs to quantized weights
// (Hessian, Cholesky of its inverse, column loop). Prints one JSON line.
import Foundation
import Quantization
import Tensors

var (rows, columns, samples, threads, repeats, bits, group) = (2048, 2048, 1024, 1, 3, 4, 128)
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    let value = Int(arguments.next() ?? "") ?? 0
    switch flag {
    case "--rows": rows = value
    case "--columns": columns = value
    case "--samples": samples = value
    case "--threads": threads = value
    case "--repeats": repeats = value
    case "--bits": bits = value
    case "--group": group = value
    default: FileHandle.standardError.write("unknown flag \(flag)\n".data(using: .utf8)!); exit(2)
    }
}
BLAS.setThreadCount(threads)

var rng = SplitMix64(seed: 1)
let weight = (0..<rows * columns).map { _ in Double(rng.nextNormal()) * 0.02 }
var inputs = (0..<samples * columns).map { _ in rng.nextNormal() }
for j in stride(from: 0, to: columns, by: 97) { for s in 0..<samples { inputs[s * columns + j] *= 20 } }   // outlier features

let configuration = GPTQConfiguration(bits: bits, groupSize: group > 0 ? group : nil, blockSize: 128, dampening: 0.01)
var times: [Double] = []
var error = 0.0
for _ in 0..<repeats {
    let start = Date()
    var h = HessianAccumulator(width: columns)
    try h.add(inputs)
    let result = try GPTQ.quantize(weight: weight, rows: rows, columns: columns, hessian: h.hessian, configuration: configuration)
    times.append(Date().timeIntervalSince(start))
    error = result.loss
}
print("{\"impl\": \"swift\", \"threads\": \(threads), \"best_seconds\": \(times.min()!), \"loss\": \(error)}")
