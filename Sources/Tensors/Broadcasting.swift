/// NumPy broadcasting rules.
///
/// Two shapes are aligned at their last axes; each pair of dimensions must be equal or one of
/// them must be 1 (a missing leading axis counts as 1). The result takes the larger of each pair.
/// `[4, 1, 3]` with `[5, 1]` gives `[4, 5, 3]`.
extension Tensor {
    /// The shape two operands broadcast to, or `nil` when they are incompatible.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 { result[i] = da } else if da == 1 { result[i] = db } else { return nil }
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape: broadcast axes get stride 0.
    static func broadcastStrides(from shape: [Int], to target: [Int]) -> [Int] {
        let own = Tensor.strides(for: shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// This tensor materialized at a larger, broadcast-compatible shape.
    public func broadcast(to target: [Int]) -> Tensor {
        if shape == target { return self }
        precondition(Tensor.broadcastShape(shape, target) == target, "broadcast: shape \(shape) cannot broadcast to \(target)")
        return Tensor.zipBroadcast(self, Tensor(repeating: 0, shape: target)) { a, _ in a }
    }

    /// Sums a broadcast result back down to `target` — the gradient of `broadcast(to:)`.
    ///
    /// Leading axes that broadcasting added are summed away, and axes where `target` has 1 are
    /// summed with `keepDims`. A gradient flowing into `b` of `a + b` is `grad.sum(toShape: b.shape)`.
    public func sum(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        var result = self
        let extra = rank - target.count
        precondition(extra >= 0, "sum(toShape:): \(shape) cannot reduce to the larger shape \(target)")
        if extra > 0 {
            result = result.reshaped([shape[0..<extra].reduce(1, *)] + Array(shape[extra...])).sum(axis: 0)
        }
        for axis in 0..<target.count where target[axis] == 1 && result.shape[axis] != 1 {
            result = result.sum(axis: axis, keepDims: true)
        }
        precondition(result.shape == target, "sum(toShape:): \(shape) cannot reduce to \(target)")
        return result
    }

    /// Applies `op` element-wise to two broadcast-compatible tensors.
    ///
    /// Fast paths cover equal shapes, a scalar operand, and a trailing-axes operand (such as
    /// a bias row added to every row of a matrix); everything else walks the general strided index.
    @inlinable
    public static func zipBroadcast(_ a: Tensor, _ b: Tensor, _ op: (Float, Float) -> Float) -> Tensor {
        if a.shape == b.shape {
            return Tensor(shape: a.shape) { out in
                a.scalars.withUnsafeBufferPointer { pa in
                    b.scalars.withUnsafeBufferPointer { pb in
                        nonisolated(unsafe) let (pa, pb, po) = (pa, pb, out)
                        Parallel.forEachChunk(count: out.count) { range in
                            for i in range { po[i] = op(pa[i], pb[i]) }
                        }
                    }
                }
            }
        }
        guard let shape = broadcastShape(a.shape, b.shape) else {
            preconditionFailure("element-wise op: shapes \(a.shape) and \(b.shape) do not broadcast")
        }
        if b.count == 1 && shape == a.shape {
            let s = b.scalars[0]
            return a.map { op($0, s) }
        }
        if a.count == 1 && shape == b.shape {
            let s = a.scalars[0]
            return b.map { op(s, $0) }
        }
        // b repeats over a's leading axes (e.g. [B, T, C] + [C]).
        if shape == a.shape && b.shape.count <= a.shape.count && Array(a.shape.suffix(b.shape.count)) == b.shape {
            let inner = b.count
            return Tensor(shape: shape) { out in
                a.scalars.withUnsafeBufferPointer { pa in
                    b.scalars.withUnsafeBufferPointer { pb in
                        var base = 0
                        while base < out.count {
                            for j in 0..<inner { out[base &+ j] = op(pa[base &+ j], pb[j]) }
                            base &+= inner
                        }
                    }
                }
            }
        }
        return zipGeneral(a, b, shape: shape, op)
    }

    /// The general broadcast loop: an odometer over the outer axes, a strided inner loop.
    @usableFromInline
    static func zipGeneral(_ a: Tensor, _ b: Tensor, shape: [Int], _ op: (Float, Float) -> Float) -> Tensor {
        let sa = broadcastStrides(from: a.shape, to: shape)
        let sb = broadcastStrides(from: b.shape, to: shape)
        let rank = shape.count
        let inner = shape.last ?? 1
        let innerA = sa.last ?? 0, innerB = sb.last ?? 0
        return Tensor(shape: shape) { out in
            guard out.count > 0 else { return }
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
                    var offA = 0, offB = 0, o = 0
                    while o < out.count {
                        var ia = offA, ib = offB
                        for _ in 0..<inner {
                            out[o] = op(pa[ia], pb[ib])
                            o &+= 1; ia &+= innerA; ib &+= innerB
                        }
                        // Advance the odometer over axes rank-2 … 0.
                        var axis = rank - 2
                        while axis >= 0 {
                            counter[axis] += 1
                            offA &+= sa[axis]; offB &+= sb[axis]
                            if counter[axis] < shape[axis] { break }
                            offA &-= sa[axis] &* shape[axis]; offB &-= sb[axis] &* shape[axis]
                            counter[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
    }
}
