/// A roofline model of one decoding step: the time is set by whichever is slower, reading the
/// weights from memory or doing the arithmetic.
///
/// One step of a batch of `B` sequences multiplies each of the `P` weights by `B` vectors:
/// `2·P·B` floating-point operations, while the weights (`P · bytesPerWeight` bytes) are read
/// once whatever `B` is. So
///
/// ```
/// t(B) ≈ max(P · bytesPerWeight / bandwidth,  2 · P · B / flops)
/// ```
/// flat in `B` while memory-bound, then rising in proportion to `B` once compute-bound. The
/// crossover batch — where batching stops being free — is `B* = bytesPerWeight · flops / (2 · bandwidth)`.
/// (Attention over the KV cache adds reads that grow with `B` and the context; at short
/// contexts the weights dominate.)
///
/// ```swift
/// let step = DecodeRoofline(parameters: 25_000_000, bytesPerWeight: 4, bandwidth: 20e9, flops: 100e9)
/// step.seconds(batch: 1)     // 0.005: 100 MB at 20 GB/s
/// step.crossoverBatch        // 10
/// ```
public struct DecodeRoofline: Sendable {
    public var parameters: Double
    public var bytesPerWeight: Double
    /// Bytes per second the memory delivers.
    public var bandwidth: Double
    /// Floating-point operations per second the cores sustain on matrix products.
    public var flops: Double

    public init(parameters: Int, bytesPerWeight: Double, bandwidth: Double, flops: Double) {
        self.parameters = Double(parameters)
        self.bytesPerWeight = bytesPerWeight
        self.bandwidth = bandwidth
        self.flops = flops
    }

    // ANCHOR: roofline
    /// Seconds of one step for `batch` sequences: the slower of reading and computing.
    public func seconds(batch: Int) -> Double {
        let reading = parameters * bytesPerWeight / bandwidth
        let computing = 2 * parameters * Double(batch) / flops
        return max(reading, computing)
    }

    /// Tokens per second at `batch`: one token per sequence per step.
    public func tokensPerSecond(batch: Int) -> Double { Double(batch) / seconds(batch: batch) }

    /// The batch at which computing takes as long as reading.
    public var crossoverBatch: Double { bytesPerWeight * flops / (2 * bandwidth) }
    // ANCHOR_END: roofline
}
