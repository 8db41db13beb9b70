import Foundation

/// The few vector operations the indexes share, written for speed: eight lanes at a time.
///
/// Swift does not reorder floating-point additions on its own (that would change results),
/// so a plain `for` loop sums one product after another. Accumulating in a `SIMD8<Float>`
/// makes the eight partial sums explicit and lets the compiler use vector instructions.
///
/// ```swift
/// VectorMath.dot([1, 2, 3], [4, 5, 6])        // 32
/// VectorMath.normalized([3, 4])                // [0.6, 0.8]
/// ```
public enum VectorMath {
    // ANCHOR: dot
    /// `Σᵢ a[i] · b[i]` over `n` elements.
    @inlinable
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        // Two accumulators: each addition waits for the previous one into the same register,
        // so alternating between two lets the processor overlap them.
        var sum0 = SIMD8<Float>(), sum1 = SIMD8<Float>()
        var i = 0
        while i + 16 <= n {
            sum0 += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            sum1 += UnsafeRawPointer(a + i + 8).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(b + i + 8).loadUnaligned(as: SIMD8<Float>.self)
            i += 16
        }
        if i + 8 <= n {
            sum0 += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self) * UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = (sum0 + sum1).sum()
        while i < n {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }
    // ANCHOR_END: dot

    /// The dot products of one query `q` (`[n]`) with rows `i ..< i + 4` of a row-major matrix:
    /// the kernel of exact search, which reads every stored vector for every query.
    ///
    /// Four rows at a time because each eight floats of the query, once loaded, serve all four,
    /// and the four rows give the processor four independent sums to work on at once. Equal to
    /// four calls of ``dot(_:_:_:)`` up to float rounding (the additions are grouped
    /// differently); the tests check it against the plain loop.
    @inlinable
    public static func dot4Rows(_ q: UnsafePointer<Float>, _ rows: UnsafePointer<Float>, _ n: Int) -> SIMD4<Float> {
        let r0 = rows, r1 = rows + n, r2 = rows + 2 * n, r3 = rows + 3 * n
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(q + i).loadUnaligned(as: SIMD8<Float>.self)
            s0 += x * UnsafeRawPointer(r0 + i).loadUnaligned(as: SIMD8<Float>.self)
            s1 += x * UnsafeRawPointer(r1 + i).loadUnaligned(as: SIMD8<Float>.self)
            s2 += x * UnsafeRawPointer(r2 + i).loadUnaligned(as: SIMD8<Float>.self)
            s3 += x * UnsafeRawPointer(r3 + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var out = SIMD4<Float>(s0.sum(), s1.sum(), s2.sum(), s3.sum())
        while i < n {
            out += q[i] * SIMD4<Float>(r0[i], r1[i], r2[i], r3[i])
            i += 1
        }
        return out
    }

    /// `out[i] = ⟨q, row i⟩` for the `count` rows of a row-major `[count, n]` matrix: what
    /// `sgemv` computes, with ``dot4Rows(_:_:_:)`` four rows at a time.
    public static func dotRows(_ q: UnsafePointer<Float>, _ rows: UnsafePointer<Float>, count: Int, _ n: Int,
                               into out: UnsafeMutablePointer<Float>) {
        var r = 0
        // Ask for the rows 16 ahead while these four are summed: the hardware's own prefetcher
        // alone left the loop waiting on memory (about 1.5× slower on 100,000 × 128).
        let ahead = 16
        while r + 4 <= count {
            if r + ahead + 4 <= count { Memory.prefetch(rows + (r + ahead) * n, bytes: 4 * 4 * n) }
            let four = dot4Rows(q, rows + r * n, n)
            UnsafeMutableRawPointer(out + r).storeBytes(of: four, as: SIMD4<Float>.self)
            r += 4
        }
        while r < count {
            out[r] = dot(q, rows + r * n, n)
            r += 1
        }
    }

    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "dot: lengths \(a.count) and \(b.count) differ")
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in dot(pa.baseAddress!, pb.baseAddress!, a.count) }
        }
    }

    /// `v / ‖v‖`; the zero vector stays zero.
    public static func normalized(_ v: [Float]) -> [Float] {
        let norm = dot(v, v).squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }

    /// Cosine similarity `⟨a, b⟩ / (‖a‖ ‖b‖)`, 0 when either is the zero vector.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let d = dot(a, a) * dot(b, b)
        return d > 0 ? dot(a, b) / d.squareRoot() : 0
    }
}
