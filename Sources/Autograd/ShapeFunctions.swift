import Tensors

/// Re-shaping, re-ordering, joining and selecting — operations that move numbers without
/// changing them, so their gradients move the incoming gradient back to where each number came from.
extension Variable {
    /// Same numbers, new shape (one `-1` may be inferred). Gradient: reshaped back.
    public func reshaped(_ shape: [Int]) -> Variable {
        let original = value.shape
        return Variable(value.reshaped(shape), operation: "reshape", parents: [self]) { g in
            self.accumulateGrad(g.reshaped(original))
        }
    }

    /// Axes re-ordered. Gradient: the inverse permutation.
    public func permuted(_ order: [Int]) -> Variable {
        var inverse = [Int](repeating: 0, count: order.count)
        for (i, axis) in order.enumerated() { inverse[axis] = i }
        return Variable(value.permuted(order), operation: "permute", parents: [self]) { g in
            self.accumulateGrad(g.permuted(inverse))
        }
    }

    /// Last two axes swapped.
    public func transposed() -> Variable {
        var order = Array(0..<value.rank)
        order.swapAt(value.rank - 1, value.rank - 2)
        return permuted(order)
    }

    /// Two axes swapped.
    public func transposed(_ a: Int, _ b: Int) -> Variable {
        var order = Array(0..<value.rank)
        order.swapAt(value.normalisedAxis(a), value.normalisedAxis(b))
        return permuted(order)
    }

    /// Broadcast to a larger shape. Gradient: summed back.
    public func broadcast(to shape: [Int]) -> Variable {
        let original = value.shape
        return Variable(value.broadcast(to: shape), operation: "broadcast", parents: [self]) { g in
            self.accumulateGrad(g.sum(toShape: original))
        }
    }

    /// Joins along `axis`. Gradient: the incoming gradient cut into the same pieces.
    public static func concatenate(_ parts: [Variable], axis: Int = 0) -> Variable {
        let value = Tensor.concatenate(parts.map(\.value), axis: axis)
        let a = value.normalisedAxis(axis)
        let sizes = parts.map { $0.value.shape[a] }
        return Variable(value, operation: "concatenate", parents: parts) { g in
            for (part, piece) in zip(parts, g.split(sizes: sizes, axis: a)) where part.requiresGrad {
                part.accumulateGrad(piece)
            }
        }
    }

    /// Cuts along `axis` into pieces of the given sizes (each piece a slice, see ``slice(_:axis:)``).
    public func split(sizes: [Int], axis: Int = -1) -> [Variable] {
        let a = value.normalisedAxis(axis)
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return slice(start..<(start + size), axis: a)
        }
    }

    /// The part with `range` along `axis`. Gradient: placed back into a zero tensor of the full shape.
    public func slice(_ range: Range<Int>, axis: Int = 0) -> Variable {
        indexSelect(Array(range), axis: axis)
    }

    // ANCHOR: indexSelect
    /// Slices chosen by index along `axis` (an embedding lookup on axis 0). Gradient: each
    /// selected slice's gradient is added back to the row it came from — rows picked twice get both.
    public func indexSelect(_ indices: [Int], axis: Int = 0) -> Variable {
        let a = value.normalisedAxis(axis), shape = value.shape
        return Variable(value.indexSelect(indices, axis: a), operation: "index-select", parents: [self]) { g in
            let (outer, length, inner) = self.value.split(around: a)
            var d = Tensor.zeros(shape)
            d.scalars.withUnsafeMutableBufferPointer { dst in
                g.scalars.withUnsafeBufferPointer { src in
                    var s = 0
                    for o in 0..<outer {
                        for index in indices {
                            let base = (o * length + index) * inner
                            for i in 0..<inner { dst[base + i] += src[s + i] }
                            s += inner
                        }
                    }
                }
            }
            self.accumulateGrad(d)
        }
    }
    // ANCHOR_END: indexSelect

    /// Elements where the broadcast `mask` is 0 replaced by `value` (e.g. `-∞` above the causal
    /// diagonal). Gradient: passes where kept, 0 where filled.
    public func maskedFill(keepWhere mask: Tensor, with fill: Float) -> Variable {
        Variable(value.maskedFill(keepWhere: mask, with: fill), operation: "masked-fill", parents: [self]) { g in
            self.accumulateGrad(g.maskedFill(keepWhere: mask, with: 0).sum(toShape: self.shape))
        }
    }
}
