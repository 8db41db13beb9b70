/// Re-arranging axes: transpose, permute, and the contiguous copies they produce.
///
/// Tensors here are always contiguous, so a permutation copies. The copy walks the output in
/// order and reads the input through permuted strides.
extension Tensor {
    /// Swaps the last two axes (`[…, M, N] → […, N, M]`).
    public func transposed() -> Tensor {
        precondition(rank >= 2, "transposed: need rank ≥ 2, got \(shape)")
        var order = Array(0..<rank)
        order.swapAt(rank - 1, rank - 2)
        return permuted(order)
    }

    /// Swaps two axes.
    public func transposed(_ a: Int, _ b: Int) -> Tensor {
        var order = Array(0..<rank)
        order.swapAt(normalisedAxis(a), normalisedAxis(b))
        return permuted(order)
    }

    /// Output axis `i` is input axis `order[i]`: `x.permuted([0, 2, 1, 3])` turns
    /// `[B, T, H, D]` into `[B, H, T, D]`.
    public func permuted(_ order: [Int]) -> Tensor {
        precondition(order.sorted() == Array(0..<rank), "permuted: \(order) is not a permutation of the axes of \(shape)")
        if order == Array(0..<rank) { return self }
        let inStrides = strides
        let outShape = order.map { shape[$0] }
        let readStrides = order.map { inStrides[$0] }
        let r = rank
        // 2-D transpose in cache-friendly tiles: the common case (weights, attention scores).
        if r == 2 { return transpose2D() }
        return Tensor(shape: outShape) { out in
            guard out.count > 0 else { return }
            scalars.withUnsafeBufferPointer { p in
                var counter = [Int](repeating: 0, count: r)
                var source = 0
                let innerLength = outShape[r - 1], innerStride = readStrides[r - 1]
                var o = 0
                while o < out.count {
                    var s = source
                    for _ in 0..<innerLength { out[o] = p[s]; o &+= 1; s &+= innerStride }
                    var axis = r - 2
                    while axis >= 0 {
                        counter[axis] += 1
                        source &+= readStrides[axis]
                        if counter[axis] < outShape[axis] { break }
                        source &-= readStrides[axis] &* outShape[axis]
                        counter[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
    }

    private func transpose2D() -> Tensor {
        let (rows, cols) = (shape[0], shape[1])
        let tile = 32
        return Tensor(shape: [cols, rows]) { out in
            scalars.withUnsafeBufferPointer { p in
                for i0 in stride(from: 0, to: rows, by: tile) {
                    for j0 in stride(from: 0, to: cols, by: tile) {
                        for i in i0..<Swift.min(i0 + tile, rows) {
                            for j in j0..<Swift.min(j0 + tile, cols) { out[j &* rows &+ i] = p[i &* cols &+ j] }
                        }
                    }
                }
            }
        }
    }

    /// Inserts an axis of length 1 at `axis`.
    public func expandingDims(at axis: Int) -> Tensor {
        let a = axis < 0 ? axis + rank + 1 : axis
        var s = shape
        s.insert(1, at: a)
        return reshaped(s)
    }

    /// Removes axes of length 1 (all of them, or just `axis`).
    public func squeezed(axis: Int? = nil) -> Tensor {
        if let axis {
            let a = normalisedAxis(axis)
            precondition(shape[a] == 1, "squeezed: axis \(axis) of \(shape) is not 1")
            var s = shape
            s.remove(at: a)
            return reshaped(s)
        }
        return reshaped(shape.filter { $0 != 1 })
    }
}
