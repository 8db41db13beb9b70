/// Percentiles and per-metric summaries of a load test's samples.
///
/// Percentiles use **linear interpolation between closest ranks**, the default of NumPy's
/// `percentile` (method "linear"): with the n values sorted as x₀ ≤ … ≤ xₙ₋₁,
///
///     h = (n − 1) · p / 100,   P(p) = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋)
///
/// so P(0) is the minimum, P(100) the maximum and P(50) the usual median. Unlike nearest-rank,
/// the p99 of 20 samples is not simply the largest one but lies 81% of the way from the second
/// largest to it; either way, p99 of a few dozen requests says little, and the report shows
/// the count next to it.
public enum Percentiles {
    /// The p-th percentile (0…100) of `values`; nil for no values.
    public static func percentile(_ values: [Double], _ p: Double) -> Double? {
        percentile(sorted: values.sorted(), p)
    }

    /// The same on values already sorted ascending (to take several percentiles of one sample).
    public static func percentile(sorted x: [Double], _ p: Double) -> Double? {
        guard !x.isEmpty else { return nil }
        let h = Double(x.count - 1) * min(max(p, 0), 100) / 100
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }
}

/// count, mean, min, p50, p95, p99 and max of one metric, in the unit the caller chose.
public struct MetricSummary: Codable, Equatable, Sendable {
    public let count: Int
    public let mean: Double
    public let min: Double
    public let p50: Double
    public let p95: Double
    public let p99: Double
    public let max: Double

    /// Nil for no samples (e.g. TPOT when every request produced a single token).
    public init?(_ values: [Double]) {
        let x = values.sorted()
        guard let first = x.first, let last = x.last else { return nil }
        count = x.count
        mean = x.reduce(0, +) / Double(x.count)
        min = first
        max = last
        p50 = Percentiles.percentile(sorted: x, 50)!
        p95 = Percentiles.percentile(sorted: x, 95)!
        p99 = Percentiles.percentile(sorted: x, 99)!
    }
}
