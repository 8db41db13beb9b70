import COpenBLAS

/// One dot product, `a·b = Σᵢ aᵢ bᵢ`, written four ways that trade readability for speed.
///
/// | way | what the loop does |
/// |---|---|
/// | ``naive(_:_:)`` | one `Float` at a time through `Array` subscripts (bounds checked) |
/// | ``simd(_:_:)`` | eight lanes at a time in `SIMD8<Float>` registers |
/// | ``unsafeBuffer(_:_:)`` | raw pointers, no bounds checks, four independent sums |
/// | ``blas(_:_:)`` | OpenBLAS's `cblas_sdot`, hand-tuned assembly |
///
/// All four add the same products in different orders, so their `Float` results differ in the
/// last few bits (floating-point addition is not associative); the tests compare them with a
/// tolerance scaled by `Σ |aᵢ bᵢ|`.
///
/// ```swift
/// let a = [Float](repeating: 1, count: 1000), b = a
/// DotProducts.naive(a, b) == DotProducts.blas(a, b)   // 1000 both
/// ```
public enum DotProducts {
    // ANCHOR: naive
    /// The definition: one multiply-add per element.
    public static func naive(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot: lengths \(a.count) and \(b.count) differ")
        var sum: Float = 0
        for i in 0..<a.count { sum += a[i] * b[i] }
        return sum
    }
    // ANCHOR_END: naive

    // ANCHOR: simd
    /// Eight products per instruction: the arrays are read eight floats at a time as
    /// `SIMD8<Float>` vectors, eight partial sums are kept in one vector, and the tail (fewer
    /// than eight) is added one by one. The loads go through the arrays' memory directly;
    /// building each vector from an `ArraySlice` instead would cost more than it saves.
    public static func simd(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot: lengths \(a.count) and \(b.count) differ")
        let lanes = 8, whole = a.count / lanes * lanes
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var acc = SIMD8<Float>.zero
                var i = 0
                while i < whole {
                    let va = UnsafeRawPointer(pa.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                    let vb = UnsafeRawPointer(pb.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                    // Multiply, then add, lane by lane. (`acc.addProduct(va, vb)` asks for a fused
                    // multiply-add; built for a generic x86-64 CPU that becomes a call per lane, 10× slower.)
                    acc += va * vb
                    i &+= lanes
                }
                var sum = acc.sum()
                for j in whole..<a.count { sum += pa[j] * pb[j] }
                return sum
            }
        }
    }
    // ANCHOR_END: simd

    // ANCHOR: unsafe
    /// Pointers instead of subscripts (no bounds checks) and four independent running sums, so
    /// the processor can overlap four additions instead of waiting for each to finish.
    public static func unsafeBuffer(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot: lengths \(a.count) and \(b.count) differ")
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let n = pa.count, whole = n / 4 * 4
                var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
                var i = 0
                while i < whole {
                    s0 += pa[i] * pb[i]; s1 += pa[i &+ 1] * pb[i &+ 1]
                    s2 += pa[i &+ 2] * pb[i &+ 2]; s3 += pa[i &+ 3] * pb[i &+ 3]
                    i &+= 4
                }
                for j in whole..<n { s0 += pa[j] * pb[j] }
                return (s0 + s1) + (s2 + s3)
            }
        }
    }
    // ANCHOR_END: unsafe

    // ANCHOR: blas
    /// OpenBLAS: `cblas_sdot(n, a, strideA, b, strideB)`.
    public static func blas(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot: lengths \(a.count) and \(b.count) differ")
        return cblas_sdot(Int32(a.count), a, 1, b, 1)
    }
    // ANCHOR_END: blas

    /// The four ways by name, in the order above.
    public static let all: [(name: String, dot: @Sendable ([Float], [Float]) -> Float)] = [
        ("naive loop", naive), ("SIMD8", simd), ("unsafe buffer", unsafeBuffer), ("BLAS sdot", blas),
    ]
}
