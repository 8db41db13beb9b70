import ArgumentParser
import Foundation
import NeuralNets
import Tensors

/// `llmcourse bench`: matmul GFLOP/s and MLP training steps per second (build with `-c release`).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the numeric core: matrix products and MLP training steps.",
        discussion: """
        Build in release mode first (`swift build -c release`); debug timings mean little.
        Scripts/bench/numerics runs the same workloads in NumPy and PyTorch and prints ratios.
        """
    )

    @Option(help: "Threads for OpenBLAS and element-wise loops (default: OPENBLAS_NUM_THREADS or all cores).")
    var threads: Int?

    @Option(help: "Matrix sizes to time, comma-separated.")
    var sizes: String = "128,256,512,1024"

    @Option(help: "Timed repeats per workload; the median is reported.")
    var repeats: Int = 7

    @Flag(help: "Print JSON lines instead of a table (for Scripts/bench/numerics).")
    var json = false

    mutating func validate() throws {
        guard sizes.split(separator: ",").allSatisfy({ Int($0.trimmingCharacters(in: .whitespaces)).map { $0 > 0 } ?? false }) else {
            throw ValidationError("--sizes takes positive integers separated by commas, e.g. 128,256,512")
        }
        guard repeats > 0 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        BLASKernelChoice.reexecuteIfNeeded()  // measure the kernel the processor can run
        if let threads { Tensor.setThreadCount(threads) }
        let sizeList = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if !json {
            print("OpenBLAS: \(BLAS.configuration), kernel \(BLAS.coreName)")
            print("threads: OpenBLAS \(BLAS.threadCount), element-wise \(Parallel.threadCount)")
            print("workload".padding(toLength: 18, withPad: " ", startingAt: 0) + "median ms".leftPadded(12) + "rate".leftPadded(14))
        }
        if json {
            print(#"{"blas": "\#(BLAS.configuration)", "kernel": "\#(BLAS.coreName)", "threads": \#(BLAS.threadCount)}"#)
        }
        var results = sizeList.map { NumericsBenchmark.matmul(size: $0, repeats: repeats) }
        results.append(NumericsBenchmark.mlpTrainingStep(repeats: repeats))
        for r in results {
            if json {
                print(#"{"name": "\#(r.name)", "median_seconds": \#(r.medianSeconds), "rate": \#(r.rate), "unit": "\#(r.unit)"}"#)
            } else {
                print(r.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                      + String(format: "%.3f", r.medianSeconds * 1000).leftPadded(12)
                      + (String(format: "%.1f", r.rate) + " " + r.unit).leftPadded(20))
            }
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
