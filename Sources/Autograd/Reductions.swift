import Tensors

/// Sums, means and maxima, with gradients.
///
/// A sum sends its incoming gradient unchanged to every element it summed; a mean sends
/// `1/n` of it; a maximum sends it only to the element that won.
extension Variable {
    /// Sum of all elements (shape `[]`).
    public func sum() -> Variable {
        let shape = value.shape
        return Variable(value.sum(), operation: "sum", parents: [self]) { g in
            self.accumulateGrad(Tensor(repeating: g.scalar, shape: shape))
        }
    }

    /// Mean of all elements (shape `[]`).
    public func mean() -> Variable {
        let shape = value.shape, n = Float(Swift.max(value.count, 1))
        return Variable(value.mean(), operation: "mean", parents: [self]) { g in
            self.accumulateGrad(Tensor(repeating: g.scalar / n, shape: shape))
        }
    }

    /// Sum along `axis`.
    public func sum(axis: Int, keepDims: Bool = false) -> Variable {
        let a = value.normalisedAxis(axis), shape = value.shape
        return Variable(value.sum(axis: a, keepDims: keepDims), operation: "sum-axis", parents: [self]) { g in
            self.accumulateGrad(g.reshaped(Variable.keptShape(shape, a)).broadcast(to: shape))
        }
    }

    /// Mean along `axis`.
    public func mean(axis: Int, keepDims: Bool = false) -> Variable {
        let n = Float(value.shape[value.normalisedAxis(axis)])
        return sum(axis: axis, keepDims: keepDims) * (1 / n)
    }

    /// Maximum along `axis`; the gradient goes to the first maximal element of each slice.
    public func max(axis: Int, keepDims: Bool = false) -> Variable {
        let a = value.normalisedAxis(axis), shape = value.shape
        let winners = value.argmax(axis: a)
        let (outer, length, inner) = value.split(around: a)
        return Variable(value.max(axis: a, keepDims: keepDims), operation: "max-axis", parents: [self]) { g in
            var d = Tensor.zeros(shape)
            for o in 0..<outer {
                for i in 0..<inner {
                    let slot = o * inner + i
                    d.scalars[(o * length + winners[slot]) * inner + i] = g.scalars[slot]
                }
            }
            self.accumulateGrad(d)
        }
    }

    static func keptShape(_ shape: [Int], _ axis: Int) -> [Int] {
        var s = shape
        s[axis] = 1
        return s
    }
}
