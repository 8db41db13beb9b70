/// Exact search over vectors quantized to 8-bit integers: a quarter of the memory of
/// ``ExactIndex`` for a small loss of accuracy.
///
/// Each vector `v` is stored as codes `cᵢ = round(vᵢ / s)` in `−127 … 127` with its own scale
/// `s = max |vᵢ| / 127` (symmetric absmax, as in the Quantization chapter). The query stays
/// in 32-bit floats ("asymmetric" search), so the only error is the vector's rounding:
///
///     ⟨q, v⟩ ≈ s · Σᵢ qᵢ cᵢ,    |error| ≤ (s / 2) · Σᵢ |qᵢ|
///
/// Memory per vector: `d` code bytes plus a 4-byte scale, against `4d` bytes in float32.
///
/// ```swift
/// var index = Int8Index(dimension: 128)
/// index.add(v, id: 0)
/// index.search(query, k: 10)      // nearly ExactIndex's answer
/// ```
public struct Int8Index: VectorIndex, Sendable {
    public let dimension: Int
    public private(set) var codes: [Int8] = []
    public private(set) var scales: [Float] = []
    public private(set) var ids: [Int] = []

    public init(dimension: Int) {
        precondition(dimension > 0, "Int8Index: dimension must be positive, got \(dimension)")
        self.dimension = dimension
    }

    public var count: Int { ids.count }
    public var bytesPerVector: Double { Double(dimension + 4) }

    // ANCHOR: quantize
    /// The codes and scale of one vector.
    public static func quantize(_ v: [Float]) -> (codes: [Int8], scale: Float) {
        let maxAbs = v.reduce(0) { max($0, abs($1)) }
        guard maxAbs > 0 else { return ([Int8](repeating: 0, count: v.count), 0) }
        let scale = maxAbs / 127
        return (v.map { Int8(($0 / scale).rounded().clamped(-127, 127)) }, scale)
    }
    // ANCHOR_END: quantize

    public mutating func add(_ vector: [Float], id: Int) {
        precondition(vector.count == dimension, "Int8Index.add: vector of length \(vector.count), index dimension \(dimension)")
        let (c, s) = Self.quantize(vector)
        codes += c
        scales.append(s)
        ids.append(id)
    }

    /// `s · Σ qᵢ cᵢ` for every stored vector.
    public func scores(_ query: [Float]) -> [Float] {
        precondition(query.count == dimension, "Int8Index.search: query of length \(query.count), index dimension \(dimension)")
        let d = dimension
        return codes.withUnsafeBufferPointer { c in
            query.withUnsafeBufferPointer { q in
                (0..<count).map { row in
                    var sum = SIMD8<Float>()
                    var i = 0
                    let base = c.baseAddress! + row * d
                    while i + 8 <= d {
                        let codes8 = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Int8>.self)
                        let q8 = UnsafeRawPointer(q.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
                        sum += SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: codes8)) * q8
                        i += 8
                    }
                    var total = sum.sum()
                    while i < d { total += Float(base[i]) * q[i]; i += 1 }
                    return total * scales[row]
                }
            }
        }
    }

    public func search(_ query: [Float], k: Int) -> [SearchHit] {
        let s = scores(query)
        return s.withUnsafeBufferPointer { scores in ids.withUnsafeBufferPointer { TopK.select(k, scores: scores, ids: $0) } }
    }
}

extension Float {
    func clamped(_ low: Float, _ high: Float) -> Float { Swift.min(Swift.max(self, low), high) }
}
