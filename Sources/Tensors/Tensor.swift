/// A dense, row-major tensor of `Float` values.
///
/// A tensor is a flat array of scalars plus a shape. The last axis varies fastest:
/// element `[i, j]` of a `[rows, cols]` tensor lives at `scalars[i * cols + j]`.
///
/// Tensors are values. The scalars live in a Swift `Array`, which is a reference-counted,
/// copy-on-write buffer: copying a tensor is cheap, and the first write to a shared copy
/// duplicates the buffer, so one tensor never changes behind another's back.
///
/// ```swift
/// let x = Tensor([[1, 2, 3], [4, 5, 6]])   // shape [2, 3]
/// let y = x + 1                             // broadcasting a scalar
/// let z = x.matmul(x.transposed())          // [2, 2]
/// print(z.shape, z.scalars)
/// ```
public struct Tensor: Sendable, Equatable {
    /// Number of elements along each axis, outermost first. `[]` is a scalar.
    public private(set) var shape: [Int]
    /// All elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Float]

    /// Wraps `scalars` with `shape`. The counts must agree.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        precondition(shape.reduce(1, *) == scalars.count,
                     "Tensor: shape \(shape) holds \(shape.reduce(1, *)) elements but \(scalars.count) scalars were given")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape with every element set to `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A rank-0 tensor holding one number.
    public init(_ scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// A vector (rank 1).
    public init(_ vector: [Float]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// A matrix (rank 2) from its rows; every row must have the same length.
    public init(_ rows: [[Float]]) {
        let cols = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == cols }, "Tensor: rows of a matrix must have equal lengths")
        self.init(shape: [rows.count, cols], scalars: rows.flatMap { $0 })
    }

    /// Builds a tensor by filling a fresh, uninitialized buffer of `count` scalars.
    /// `fill` must write every element; it is the fast path for kernels.
    @inlinable
    public init(shape: [Int], fill: (UnsafeMutableBufferPointer<Float>) -> Void) {
        let count = shape.reduce(1, *)
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
        self.init(shape: shape, scalars: scalars)
    }

    /// All zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }
    /// All ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }
    /// `[start, start + step, …]` below `end`, as a vector.
    public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) -> Tensor {
        var values: [Float] = []
        var v = start
        while step > 0 ? v < end : v > end { values.append(v); v += step }
        return Tensor(values)
    }

    /// Number of axes.
    public var rank: Int { shape.count }
    /// Number of elements.
    public var count: Int { scalars.count }
    /// The single value of a one-element tensor.
    public var scalar: Float {
        precondition(scalars.count == 1, "Tensor.scalar: tensor of shape \(shape) has \(scalars.count) elements, not 1")
        return scalars[0]
    }

    /// Row-major strides: how far apart (in scalars) neighbors along each axis are.
    public var strides: [Int] { Tensor.strides(for: shape) }

    public static func strides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running &*= shape[axis]
        }
        return strides
    }

    /// Resolves a possibly negative axis (`-1` is the last) to `0..<rank`.
    public func normalisedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < Swift.max(rank, 1), "axis \(axis) out of range for shape \(shape)")
        return resolved
    }

    /// Element at a multi-dimensional index, e.g. `x[1, 2]`.
    public subscript(index: Int...) -> Float {
        get { scalars[flatIndex(index)] }
        set { scalars[flatIndex(index)] = newValue }
    }

    private func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == rank, "Tensor subscript: \(index.count) indices for shape \(shape)")
        var offset = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "Tensor subscript: index \(index) out of bounds for shape \(shape)")
            offset = offset &* shape[axis] &+ i
        }
        return offset
    }

    /// The same scalars seen with another shape (no copy). One dimension may be `-1`: it is inferred.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != unknown }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "reshape: cannot infer -1 in \(newShape) for \(count) elements")
            resolved[unknown] = count / known
        }
        precondition(resolved.reduce(1, *) == count, "reshape: shape \(shape) (\(count) elements) cannot become \(newShape)")
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// True when every element differs from `other`'s by at most `atol + rtol * |other|`.
    public func isClose(to other: Tensor, rtol: Float = 1e-5, atol: Float = 1e-6) -> Bool {
        guard shape == other.shape else { return false }
        for i in 0..<count where !(Swift.abs(scalars[i] - other.scalars[i]) <= atol + rtol * Swift.abs(other.scalars[i])) {
            return false
        }
        return true
    }

    /// Largest absolute element-wise difference (shapes must match).
    public func maxAbsDifference(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "maxAbsDifference: shapes \(shape) and \(other.shape) differ")
        var worst: Float = 0
        for i in 0..<count { worst = Swift.max(worst, Swift.abs(scalars[i] - other.scalars[i])) }
        return worst
    }
}

extension Tensor: CustomStringConvertible {
    /// Shape and (up to 8) leading values, e.g. `Tensor[2, 3](1.0, 2.0, …)`.
    public var description: String {
        let shown = scalars.prefix(8).map { String($0) }.joined(separator: ", ")
        return "Tensor\(shape)(\(shown)\(count > 8 ? ", …" : ""))"
    }
}
