import Foundation

/// Descriptive statistics and the moments of a discrete random variable, in double precision.
///
/// ```
/// E[X]        = Σ_k p_k·x_k                     values x [K], probabilities p [K]
/// Var[X]      = E[(X − E[X])²] = E[X²] − E[X]²
/// mean(x)     = (1/n) Σ x_i                     a sample x [n] estimates E[X]
/// var(x)      = (1/(n − d)) Σ (x_i − mean)²     d = 0: the plug-in (MLE) estimate; d = 1: unbiased
/// cov(x, y)   = (1/(n − d)) Σ (x_i − x̄)(y_i − ȳ)
/// corr(x, y)  = cov(x, y) / (sd(x)·sd(y))        always in [−1, 1]
/// ```
///
/// ```swift
/// let die = Statistics.expectation(values: [1, 2, 3, 4, 5, 6], probabilities: [Double](repeating: 1 / 6, count: 6))  // 3.5
/// let r = Statistics.correlation([1, 2, 3], [2, 4, 7])   // ≈ 0.99
/// let median = Statistics.quantile([3, 1, 2], 0.5)       // 2
/// ```
public enum Statistics {
    // ANCHOR: expectation
    /// E[X] = Σ p_k·x_k: the probability-weighted average of the values.
    public static func expectation(values x: [Double], probabilities p: [Double]) -> Double {
        precondition(x.count == p.count, "expectation: \(x.count) values, \(p.count) probabilities")
        return zip(x, p).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Var[X] = E[(X − E[X])²]: the expected squared distance from the mean.
    public static func variance(values x: [Double], probabilities p: [Double]) -> Double {
        let mu = expectation(values: x, probabilities: p)
        return expectation(values: x.map { ($0 - mu) * ($0 - mu) }, probabilities: p)
    }
    // ANCHOR_END: expectation

    /// The sample mean (1/n) Σ x_i.
    public static func mean(_ x: [Double]) -> Double {
        precondition(!x.isEmpty, "mean of an empty sample")
        return x.reduce(0, +) / Double(x.count)
    }

    // ANCHOR: covariance
    /// The sample covariance Σ (x_i − x̄)(y_i − ȳ) / (n − d), with d = 1 when
    /// `unbiased` (Bessel's correction) and d = 0 for the plug-in estimate.
    public static func covariance(_ x: [Double], _ y: [Double],
                                  unbiased: Bool = false) -> Double {
        precondition(x.count == y.count, "covariance: \(x.count) and \(y.count) values")
        let (mx, my) = (mean(x), mean(y))
        let sum = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        return sum / Double(x.count - (unbiased ? 1 : 0))
    }

    /// Var(x) is the covariance of x with itself.
    public static func variance(_ x: [Double], unbiased: Bool = false) -> Double {
        covariance(x, x, unbiased: unbiased)
    }

    /// Pearson's correlation cov(x, y) / (sd(x)·sd(y)): covariance with the
    /// units divided out, so it lies in [−1, 1]. (The n − d cancels.)
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        covariance(x, y) / (variance(x) * variance(y)).squareRoot()
    }
    // ANCHOR_END: covariance

    /// The standard deviation √var(x).
    public static func standardDeviation(_ x: [Double], unbiased: Bool = false) -> Double {
        variance(x, unbiased: unbiased).squareRoot()
    }

    // ANCHOR: quantile
    /// The q-quantile of `x` (0 ≤ q ≤ 1) by linear interpolation between order
    /// statistics: position q·(n − 1) in the sorted sample, the rule NumPy's
    /// `quantile` uses by default. q = 0.5 is the median.
    public static func quantile(_ x: [Double], _ q: Double) -> Double {
        precondition(!x.isEmpty && (0...1).contains(q), "quantile: q = \(q) of \(x.count) values")
        let sorted = x.sorted()
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
    // ANCHOR_END: quantile
}
