/// Joining tensors along an axis and cutting them apart again.
extension Tensor {
    /// Joins tensors along `axis`; all other dimensions must match.
    /// `concatenate([[2, 3], [2, 5]], axis: 1)` gives `[2, 8]`.
    public static func concatenate(_ parts: [Tensor], axis: Int = 0) -> Tensor {
        precondition(!parts.isEmpty, "concatenate: no tensors given")
        let first = parts[0]
        let a = first.normalisedAxis(axis)
        for part in parts {
            precondition(part.rank == first.rank && (0..<first.rank).allSatisfy { $0 == a || part.shape[$0] == first.shape[$0] },
                         "concatenate: shapes \(parts.map(\.shape)) differ outside axis \(a)")
        }
        var outShape = first.shape
        outShape[a] = parts.reduce(0) { $0 + $1.shape[a] }
        let outer = first.shape[..<a].reduce(1, *)
        let inner = first.shape[(a + 1)...].reduce(1, *)
        return Tensor(shape: outShape) { out in
            var o = 0
            for outerIndex in 0..<outer {
                for part in parts {
                    let block = part.shape[a] * inner
                    part.scalars.withUnsafeBufferPointer { p in
                        let src = outerIndex * block
                        for i in 0..<block { out[o + i] = p[src + i] }
                    }
                    o += block
                }
            }
        }
    }

    /// Cuts along `axis` into pieces of the given sizes (which must add up to the axis length).
    /// GPT-2 splits its fused `[B, T, 3C]` projection with `split([C, C, C], axis: -1)`.
    public func split(sizes: [Int], axis: Int = -1) -> [Tensor] {
        let a = normalisedAxis(axis)
        precondition(sizes.reduce(0, +) == shape[a], "split: sizes \(sizes) do not add up to \(shape[a]) (axis \(a) of \(shape))")
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return slice(start..<(start + size), axis: a)
        }
    }

    /// Cuts along `axis` into `parts` equal pieces.
    public func split(into parts: Int, axis: Int = -1) -> [Tensor] {
        let length = shape[normalisedAxis(axis)]
        precondition(parts > 0 && length % parts == 0, "split: axis length \(length) is not divisible into \(parts) parts")
        return split(sizes: Array(repeating: length / parts, count: parts), axis: axis)
    }
}
