import Dispatch

/// Splitting a loop across threads with `DispatchQueue.concurrentPerform`, the way
/// ``Parallel`` does for the tensor kernels, shown on the textbook matrix multiply.
///
/// `concurrentPerform(iterations: t)` runs its closure `t` times, on up to as many threads as
/// the machine has cores, and returns when all are done. Each call gets a block of output rows;
/// blocks do not overlap, so the threads never write the same element and need no lock.
///
/// ```swift
/// let c1 = ThreadedLoops.matmul(a, b, m: 256, k: 256, n: 256, threads: 1)
/// let c2 = ThreadedLoops.matmul(a, b, m: 256, k: 256, n: 256, threads: 2)   // same numbers, about half the time on 2 free cores
/// ```
public enum ThreadedLoops {
    // ANCHOR: threads
    /// `C = A·B` for row-major `A [m, k]`, `B [k, n]`, the rows of `C` divided among `threads`.
    public static func matmul(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int, threads: Int) -> [Float] {
        precondition(a.count == m * k && b.count == k * n && threads >= 1, "ThreadedLoops.matmul: [\(m), \(k)]·[\(k), \(n)] with \(a.count), \(b.count) values")
        var c = [Float](repeating: 0, count: m * n)
        let rowsPerThread = (m + threads - 1) / threads
        c.withUnsafeMutableBufferPointer { pc in
            // The output pointer is shared by the threads; each writes only its own rows.
            nonisolated(unsafe) let out = pc
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        for i in Swift.min(m, t * rowsPerThread)..<Swift.min(m, (t + 1) * rowsPerThread) {
                            // i-p-j order: the inner loop walks a row of B and a row of C, both contiguous.
                            for p in 0..<k {
                                let aip = pa[i * k + p]
                                for j in 0..<n { out[i * n + j] += aip * pb[p * n + j] }
                            }
                        }
                    }
                }
            }
        }
        return c
    }
    // ANCHOR_END: threads
}
