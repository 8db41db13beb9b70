import Foundation

/// log Σ exp(z_i) computed so it cannot overflow, and the softmax built on it.
///
/// ```
/// naive:   log Σ_i exp(z_i)                   exp overflows for z > 709.78 (Double), 88.72 (Float)
/// stable:  m + log Σ_i exp(z_i − m),  m = max z     every exponent ≤ 0, the largest term is exactly 1
/// log softmax(z)_i = z_i − logsumexp(z)      z [n] → [n]
/// max z ≤ logsumexp(z) ≤ max z + log n        a smooth maximum
/// ```
///
/// The two forms are equal as real numbers — exp(z − m) = exp(z)/exp(m) — so shifting changes
/// nothing but which numbers the machine has to hold.
///
/// ```swift
/// LogSumExp.naive([1000, 999])     // inf
/// LogSumExp.stable([1000, 999])    // 1000.3133
/// LogSumExp.softmax([1000, 999])   // [0.7311, 0.2689]
/// ```
public enum LogSumExp {
    /// log Σ exp(z_i) as written: fine for small z, infinite once any exp(z_i) overflows.
    public static func naive(_ z: [Double]) -> Double { log(z.reduce(0) { $0 + exp($1) }) }

    /// exp(z_i) / Σ exp(z_j) as written: inf / inf = NaN for large logits.
    public static func naiveSoftmax(_ z: [Double]) -> [Double] {
        let e = z.map { exp($0) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    // ANCHOR: stable
    /// m + log Σ exp(z_i − m) with m = max z: no exponent is positive, so
    /// nothing overflows, and the largest term is exp(0) = 1, so the sum is at
    /// least 1 and its log never underflows to −inf either.
    public static func stable(_ z: [Double]) -> Double {
        guard let m = z.max(), m.isFinite else { return z.max() ?? -.infinity }
        return m + log(z.reduce(0) { $0 + exp($1 - m) })
    }

    /// log softmax(z)_i = z_i − logsumexp(z): the log-probabilities a
    /// cross-entropy loss needs, without forming the tiny probabilities first.
    public static func logSoftmax(_ z: [Double]) -> [Double] {
        let lse = stable(z)
        return z.map { $0 - lse }
    }

    /// softmax(z)_i = exp(z_i − logsumexp(z)).
    public static func softmax(_ z: [Double]) -> [Double] { logSoftmax(z).map { exp($0) } }
    // ANCHOR_END: stable
}
