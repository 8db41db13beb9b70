import COpenBLAS
import Foundation
import Tensors

extension NumericsBenchmark {
    /// Bytes per second BLAS reads from main memory: the median time of summing the absolute
    /// values of a `megabytes`-sized Float32 array (BLAS `sasum`, vectorized), far larger than
    /// the caches so every pass comes from memory. This is the ceiling of a decoding step that
    /// must read every weight once.
    public static func memoryReadBandwidth(megabytes: Int = 256, repeats: Int = 5) -> Double {
        let count = megabytes << 18  // 4 bytes per value
        var data = [Float](repeating: 0, count: count)
        for i in stride(from: 0, to: count, by: 1024) { data[i] = Float(i & 7) }  // touch every page
        var times: [Double] = []
        var sink: Float = 0
        data.withUnsafeBufferPointer { buffer in
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                sink += cblas_sasum(Int32(count), buffer.baseAddress, 1)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        precondition(sink.isFinite)
        return Double(count * 4) / times.sorted()[times.count / 2]
    }
}
