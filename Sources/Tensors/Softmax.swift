import Foundation

/// Softmax and log-softmax, computed stably.
///
/// `softmax(x)ᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m)` with `m = maxⱼ xⱼ`. Subtracting the maximum
/// changes nothing mathematically but keeps `exp` from overflowing: the largest term becomes
/// `exp(0) = 1`. `logSoftmax(x)ᵢ = xᵢ − m − log Σⱼ exp(xⱼ − m)` avoids taking the log of an
/// underflowed zero.
extension Tensor {
    /// Softmax along `axis` (default the last); each slice along it sums to 1.
    public func softmax(axis: Int = -1) -> Tensor {
        normalize(axis: axis, log: false)
    }

    /// Log-softmax along `axis` (default the last).
    public func logSoftmax(axis: Int = -1) -> Tensor {
        normalize(axis: axis, log: true)
    }

    /// `log Σ exp(x)` along `axis`, stably.
    public func logSumExp(axis: Int = -1, keepDims: Bool = false) -> Tensor {
        let m = self.max(axis: axis, keepDims: true)
        let lse = (self - m).exp().sum(axis: axis, keepDims: true).log() + m
        return keepDims ? lse : lse.reshaped(reducedShape(normalisedAxis(axis), keepDims: false))
    }

    /// One contiguous row (the common case: the last axis), with the vectorized ``FastMath/exp(_:)-swift.type.method``.
    /// The loop below is the same computation for any axis, with `Foundation.exp`.
    @inline(__always)
    static func normaliseContiguousRow(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, length: Int, log: Bool) {
        var m = -Float.infinity
        for l in 0..<length { m = Swift.max(m, x[l]) }
        if m == -.infinity { m = 0 }
        let shift = FastMath.Vector(repeating: m)
        FastMath.forEachVector(length, x, out) { FastMath.exp($0 - shift) }
        var total: Float = 0
        for l in 0..<length { total += out[l] }
        if log {
            let logTotal = Foundation.log(total) + m
            for l in 0..<length { out[l] = x[l] - logTotal }
        } else {
            let inverse = 1 / total
            for l in 0..<length { out[l] *= inverse }
        }
    }

    private func normalize(axis: Int, log: Bool) -> Tensor {
        let (outer, length, inner) = split(around: axis)
        return Tensor(shape: shape) { out in
            scalars.withUnsafeBufferPointer { p in
                nonisolated(unsafe) let (p, out) = (p, out)
                let rows = outer * inner
                // Parallel over independent slices once the tensor is big.
                Parallel.forEachChunk(count: rows, workPerItem: length) { rowRange in
                    if inner == 1 {
                        for row in rowRange {
                            Tensor.normaliseContiguousRow(p.baseAddress! + row &* length, out.baseAddress! + row &* length,
                                                          length: length, log: log)
                        }
                        return
                    }
                    for row in rowRange {
                        let o = row / inner, i = row % inner
                        let base = o &* length &* inner &+ i
                        var m = -Float.infinity
                        for l in 0..<length { m = Swift.max(m, p[base &+ l &* inner]) }
                        if m == -.infinity { m = 0 }   // an all-masked row stays finite where it can
                        var total: Float = 0
                        for l in 0..<length {
                            let e = Foundation.exp(p[base &+ l &* inner] - m)
                            out[base &+ l &* inner] = e
                            total += e
                        }
                        if log {
                            let logTotal = Foundation.log(total) + m
                            for l in 0..<length { out[base &+ l &* inner] = p[base &+ l &* inner] - logTotal }
                        } else {
                            let inverse = 1 / total
                            for l in 0..<length { out[base &+ l &* inner] *= inverse }
                        }
                    }
                }
            }
        }
    }
}
