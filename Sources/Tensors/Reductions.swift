/// Reductions over an axis: sum, mean, max, argmax.
///
/// Any axis is handled by seeing the tensor as `[outer, length, inner]`: `outer` is the product
/// of the axes before it, `inner` of those after it. Reducing gives `[outer, inner]`, reshaped to
/// drop the axis (or keep it as 1 with `keepDims`).
extension Tensor {
    /// `(outer, length, inner)` for the axis.
    public func split(around axis: Int) -> (outer: Int, length: Int, inner: Int) {
        let a = normalisedAxis(axis)
        return (shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *))
    }

    func reducedShape(_ axis: Int, keepDims: Bool) -> [Int] {
        var s = shape
        if keepDims { s[axis] = 1 } else { s.remove(at: axis) }
        return s
    }

    /// Sum of all elements (accumulated in Double so long sums stay accurate).
    public func sum() -> Tensor {
        var total: Double = 0
        scalars.withUnsafeBufferPointer { p in for v in p { total += Double(v) } }
        return Tensor(Float(total))
    }

    /// Mean of all elements.
    public func mean() -> Tensor { Tensor(sum().scalar / Float(Swift.max(count, 1))) }

    /// Sum along `axis`; `keepDims` leaves it with length 1 so the result broadcasts back.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        let a = normalisedAxis(axis)
        let (outer, length, inner) = split(around: a)
        return Tensor(shape: reducedShape(a, keepDims: keepDims)) { out in
            out.initialize(repeating: 0)
            scalars.withUnsafeBufferPointer { p in
                for o in 0..<outer {
                    let dst = o &* inner
                    for l in 0..<length {
                        let src = (o &* length &+ l) &* inner
                        for i in 0..<inner { out[dst &+ i] += p[src &+ i] }
                    }
                }
            }
        }
    }

    /// Sum over several axes (each kept or dropped together).
    public func sum(axes: [Int], keepDims: Bool = false) -> Tensor {
        let sorted = axes.map(normalisedAxis).sorted(by: >)
        var result = self
        for a in sorted { result = result.sum(axis: a, keepDims: keepDims) }
        return result
    }

    /// Mean along `axis`.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let n = Float(shape[normalisedAxis(axis)])
        return sum(axis: axis, keepDims: keepDims) / n
    }

    /// Maximum along `axis`.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor {
        reduceExtreme(axis: axis, keepDims: keepDims).values
    }

    /// Index of the maximum along `axis` (the first one on ties), as `Int`s in row-major order.
    public func argmax(axis: Int) -> [Int] {
        reduceExtreme(axis: axis, keepDims: false).indices
    }

    /// Largest element.
    public func max() -> Float { scalars.max() ?? -.infinity }

    func reduceExtreme(axis: Int, keepDims: Bool) -> (values: Tensor, indices: [Int]) {
        let a = normalisedAxis(axis)
        let (outer, length, inner) = split(around: a)
        precondition(length > 0, "Swift.max(axis:): axis \(axis) of \(shape) is empty")
        var indices = [Int](repeating: 0, count: outer * inner)
        let values = Tensor(shape: reducedShape(a, keepDims: keepDims)) { out in
            scalars.withUnsafeBufferPointer { p in
                for o in 0..<outer {
                    for i in 0..<inner {
                        var best = p[o &* length &* inner &+ i], bestIndex = 0
                        for l in 1..<Swift.max(length, 1) {
                            let v = p[(o &* length &+ l) &* inner &+ i]
                            if v > best || (best.isNaN == false && v.isNaN) { best = v; bestIndex = l }
                        }
                        out[o &* inner &+ i] = best
                        indices[o &* inner &+ i] = bestIndex
                    }
                }
            }
        }
        return (values, indices)
    }
}
