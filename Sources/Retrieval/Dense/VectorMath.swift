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
