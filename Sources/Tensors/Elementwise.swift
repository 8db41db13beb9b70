import Foundation

/// Element-wise arithmetic and functions. Binary operators broadcast (see `Broadcasting.swift`).
extension Tensor {
    /// A new tensor with `transform` applied to every element, split across cores when large.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape) { out in
            scalars.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let (input, out) = (input, out)
                Parallel.forEachChunk(count: out.count) { range in
                    for i in range { out[i] = transform(input[i]) }
                }
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor { zipBroadcast(a, b, +) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { zipBroadcast(a, b, -) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { zipBroadcast(a, b, *) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { zipBroadcast(a, b, /) }

    public static func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
    public static func - (a: Tensor, s: Float) -> Tensor { a.map { $0 - s } }
    public static func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
    public static func / (a: Tensor, s: Float) -> Tensor { a.map { $0 / s } }
    public static func + (s: Float, a: Tensor) -> Tensor { a.map { s + $0 } }
    public static func - (s: Float, a: Tensor) -> Tensor { a.map { s - $0 } }
    public static func * (s: Float, a: Tensor) -> Tensor { a.map { s * $0 } }
    public static func / (s: Float, a: Tensor) -> Tensor { a.map { s / $0 } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Element-wise maximum / minimum with broadcasting.
    public static func maximum(_ a: Tensor, _ b: Tensor) -> Tensor { zipBroadcast(a, b) { Swift.max($0, $1) } }
    public static func minimum(_ a: Tensor, _ b: Tensor) -> Tensor { zipBroadcast(a, b) { Swift.min($0, $1) } }

    public func exp() -> Tensor { map { Foundation.exp($0) } }
    public func log() -> Tensor { map { Foundation.log($0) } }
    public func sqrt() -> Tensor { map { $0.squareRoot() } }
    public func tanh() -> Tensor { map { Foundation.tanh($0) } }
    public func abs() -> Tensor { map { Swift.abs($0) } }
    public func squared() -> Tensor { map { $0 * $0 } }
    public func pow(_ exponent: Float) -> Tensor { map { Foundation.pow($0, exponent) } }
    public func relu() -> Tensor { map { Swift.max($0, 0) } }
    public func sigmoid() -> Tensor { map { 1 / (1 + Foundation.exp(-$0)) } }
    public func clamped(min low: Float, max high: Float) -> Tensor { map { Swift.min(Swift.max($0, low), high) } }

    // MARK: In place (used for gradient accumulation and optimizer updates: no new buffers)

    /// `self += scale * other`, shapes equal (BLAS-style axpy).
    public mutating func add(_ other: Tensor, scaledBy scale: Float = 1) {
        precondition(shape == other.shape, "add(_:scaledBy:): shapes \(shape) and \(other.shape) differ")
        let n = count
        scalars.withUnsafeMutableBufferPointer { dst in
            other.scalars.withUnsafeBufferPointer { src in
                nonisolated(unsafe) let (dst, src) = (dst, src)
                Parallel.forEachChunk(count: n) { range in
                    for i in range { dst[i] += scale * src[i] }
                }
            }
        }
    }

    /// Multiplies every element by `factor` in place.
    public mutating func scale(by factor: Float) {
        scalars.withUnsafeMutableBufferPointer { dst in
            for i in dst.indices { dst[i] *= factor }
        }
    }

    /// Sets every element to `value` in place.
    public mutating func fill(with value: Float) {
        scalars.withUnsafeMutableBufferPointer { dst in dst.initialize(repeating: value) }
    }
}
