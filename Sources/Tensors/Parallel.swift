import Dispatch
import Foundation

/// Splits big loops across CPU cores.
///
/// Small loops run on the calling thread: starting threads costs a few microseconds,
/// which only pays once a loop touches tens of thousands of elements.
public enum Parallel {
    /// Threads used for element-wise work. Follows `OPENBLAS_NUM_THREADS` when set, so one
    /// variable controls both our loops and OpenBLAS; otherwise the number of cores.
    /// Change it only at start-up (the benchmark's `--threads`), before any work runs.
    nonisolated(unsafe) public static var threadCount: Int = {
        if let text = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"], let n = Int(text), n > 0 {
            return n
        }
        return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Below this many elements a loop stays on one thread.
    public static let minimumParallelCount = 1 << 18

    /// Calls `body` on disjoint ranges covering `0..<count`, in parallel when `count` is large.
    @inlinable
    /// `workPerItem` says how many elements each item touches (e.g. a row's length), so the
    /// decision to go parallel depends on the total work.
    public static func forEachChunk(count: Int, workPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        let chunks = Swift.min(threadCount, count, count &* workPerItem / (minimumParallelCount / 2))
        if chunks <= 1 {
            body(0..<count)
            return
        }
        let chunkSize = (count + chunks - 1) / chunks
        withoutActuallyEscaping(body) { body in
            // The chunks write disjoint ranges, so sharing the closure across threads is safe.
            nonisolated(unsafe) let shared = body
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(count, start + chunkSize)
                if start < end { shared(start..<end) }
            }
        }
    }
}
