/// Picking elements by index: index-select (embedding lookup), gather, slicing.
extension Tensor {
    /// Slices along `axis` chosen by `indices` (repeats allowed).
    ///
    /// An embedding lookup is `table.indexSelect(tokenIDs)` on a `[vocab, dim]` table:
    /// `[V, C]` with `T` ids gives `[T, C]`.
    public func indexSelect(_ indices: [Int], axis: Int = 0) -> Tensor {
        let a = normalisedAxis(axis)
        let (outer, length, inner) = split(around: a)
        var outShape = shape
        outShape[a] = indices.count
        for index in indices {
            precondition(index >= 0 && index < length, "indexSelect: index \(index) out of range 0..<\(length) on axis \(a) of \(shape)")
        }
        return Tensor(shape: outShape) { out in
            scalars.withUnsafeBufferPointer { p in
                var o = 0
                for outerIndex in 0..<outer {
                    for index in indices {
                        let src = (outerIndex &* length &+ index) &* inner
                        for i in 0..<inner { out[o &+ i] = p[src &+ i] }
                        o &+= inner
                    }
                }
            }
        }
    }

    /// One element per row along the last axis: for `[N, C]` and `N` indices, `[N]` with
    /// `out[n] = self[n, indices[n]]` (how cross-entropy picks each target's log-probability).
    public func gather(lastAxis indices: [Int]) -> Tensor {
        let length = shape.last ?? 1
        let rows = count / Swift.max(length, 1)
        precondition(indices.count == rows, "gather(lastAxis:): \(indices.count) indices for \(rows) rows of \(shape)")
        return Tensor(shape: Array(shape.dropLast())) { out in
            for r in 0..<rows {
                precondition(indices[r] >= 0 && indices[r] < length, "gather: index \(indices[r]) out of range 0..<\(length)")
                out[r] = scalars[r * length + indices[r]]
            }
        }
    }

    /// The elements with `range` along `axis`, e.g. `x.slice(1..<3, axis: 0)` for rows 1 and 2.
    public func slice(_ range: Range<Int>, axis: Int = 0) -> Tensor {
        let a = normalisedAxis(axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[a], "slice: \(range) out of bounds for axis \(a) of \(shape)")
        return indexSelect(Array(range), axis: a)
    }
}
