/// A matrix seen through strides: shape, strides and an offset over a shared buffer, the
/// layout NumPy and PyTorch use for every array.
///
/// Element `[i, j]` lives at `offset + i·strides[0] + j·strides[1]` in `storage`. Many
/// operations change only that recipe, not the numbers: a transpose swaps the strides, a slice
/// moves the offset and shrinks the shape. Such a *view* costs nothing, and shares the buffer
/// with the matrix it came from. The price comes later: a transposed view walks memory with a
/// long stride, and code that needs the elements packed row after row (BLAS, a reshape) must
/// first make a ``contiguous()`` copy — PyTorch's `.contiguous()`, NumPy's `ascontiguousarray`.
///
/// (The course's ``Tensor`` keeps things simple: it is always contiguous, so its
/// `transposed()` copies.)
///
/// ```swift
/// let m = StridedView(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])   // strides [3, 1]
/// let t = m.transposed()         // [3, 2], strides [1, 3], same storage
/// t[2, 1]                        // 6
/// t.isContiguous                 // false
/// t.contiguous().storage         // [1, 4, 2, 5, 3, 6], strides [2, 1]
/// ```
public struct StridedView: Sendable, Equatable {
    /// The shared numbers (a copy-on-write array: views made from one matrix share it).
    public let storage: [Float]
    public let shape: (rows: Int, columns: Int)
    /// How many elements apart neighbors are along each axis.
    public let strides: (row: Int, column: Int)
    public let offset: Int

    public static func == (a: StridedView, b: StridedView) -> Bool {
        a.shape == b.shape && a.strides == b.strides && a.offset == b.offset && a.storage == b.storage
    }

    /// A row-major matrix: strides `[columns, 1]`.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "StridedView: \(values.count) values for [\(rows), \(columns)]")
        self.init(storage: values, shape: (rows, columns), strides: (columns, 1), offset: 0)
    }

    init(storage: [Float], shape: (rows: Int, columns: Int), strides: (row: Int, column: Int), offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    // ANCHOR: view
    /// Element `[i, j]`: one multiply-add per axis finds it.
    public subscript(i: Int, j: Int) -> Float {
        precondition(i >= 0 && i < shape.rows && j >= 0 && j < shape.columns, "StridedView: [\(i), \(j)] outside \(shape)")
        return storage[offset + i * strides.row + j * strides.column]
    }

    /// The transpose as a view: swap the shape and the strides, copy nothing.
    public func transposed() -> StridedView {
        StridedView(storage: storage, shape: (shape.columns, shape.rows), strides: (strides.column, strides.row), offset: offset)
    }

    /// Rows `rows` and columns `columns` as a view: move the offset, shrink the shape.
    public func slice(rows: Range<Int>, columns: Range<Int>) -> StridedView {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= shape.rows && columns.lowerBound >= 0 && columns.upperBound <= shape.columns,
                     "StridedView: slice \(rows), \(columns) outside \(shape)")
        return StridedView(storage: storage, shape: (rows.count, columns.count), strides: strides,
                           offset: offset + rows.lowerBound * strides.row + columns.lowerBound * strides.column)
    }

    /// True when the elements are packed row after row from `offset`: strides `[columns, 1]`.
    public var isContiguous: Bool { strides.column == 1 && (strides.row == shape.columns || shape.rows <= 1) }

    /// A fresh row-major copy holding just this view's elements, in order.
    public func contiguous() -> StridedView {
        var values: [Float] = []
        values.reserveCapacity(shape.rows * shape.columns)
        for i in 0..<shape.rows { for j in 0..<shape.columns { values.append(self[i, j]) } }
        return StridedView(rows: shape.rows, columns: shape.columns, values: values)
    }
    // ANCHOR_END: view

    /// The elements row by row (a copy only when not contiguous).
    public var rowMajorValues: [Float] {
        isContiguous && offset == 0 && storage.count == shape.rows * shape.columns ? storage : contiguous().storage
    }

    /// Sum of all elements, read in row-major order of the view: a walk with stride
    /// `strides.column` through memory, to time how layout affects speed.
    public func sum() -> Float {
        storage.withUnsafeBufferPointer { p in
            var total: Float = 0
            for i in 0..<shape.rows {
                var k = offset + i * strides.row
                for _ in 0..<shape.columns { total += p[k]; k &+= strides.column }
            }
            return total
        }
    }
}
