import Tensors

/// Confidence intervals by the bootstrap (Efron, 1979): treat the sample as the population,
/// draw many samples of the same size from it with replacement, compute the statistic on each,
/// and read the interval off the spread of those replicates.
///
/// ```
/// x [n]  →  B resamples x*_b [n] (indices drawn uniformly with replacement)
///        →  replicates θ*_b = statistic(x*_b)                     [B]
/// percentile interval at level 1 − α:  [quantile(θ*, α/2), quantile(θ*, 1 − α/2)]
/// ```
///
/// For the mean the spread of the replicates approaches the plug-in standard error
/// √(var(x)/n), so a 95% interval is close to mean ± 1.96·√(var(x)/n) — but the same recipe
/// works for a median, a correlation or an accuracy, where no simple formula exists.
///
/// ```swift
/// var rng = SplitMix64(seed: 7)
/// let (low, high) = Bootstrap.percentileInterval([2.1, 3.4, 1.9, 5.0, 2.8], level: 0.9,
///                                                 resamples: 1_000, rng: &rng)
/// ```
public enum Bootstrap {
    // ANCHOR: resample
    /// One bootstrap sample: `x.count` values drawn from `x` with replacement,
    /// each index uniform in 0..<n, in order.
    public static func resample(_ x: [Double], rng: inout SplitMix64) -> [Double] {
        (0..<x.count).map { _ in x[rng.nextInt(below: x.count)] }
    }

    /// The statistic on each of `resamples` bootstrap samples, in drawing order.
    public static func replicates(_ x: [Double], resamples: Int, rng: inout SplitMix64,
                                  statistic: ([Double]) -> Double = Statistics.mean) -> [Double] {
        (0..<resamples).map { _ in statistic(resample(x, rng: &rng)) }
    }
    // ANCHOR_END: resample

    // ANCHOR: percentile-interval
    /// The percentile interval at confidence `level` (0.95 for 95%): the
    /// (1 − level)/2 and (1 + level)/2 quantiles of the replicates.
    public static func percentileInterval(_ x: [Double], level: Double, resamples: Int,
                                          rng: inout SplitMix64,
                                          statistic: ([Double]) -> Double = Statistics.mean)
        -> (low: Double, high: Double) {
        let theta = replicates(x, resamples: resamples, rng: &rng, statistic: statistic)
        return (Statistics.quantile(theta, (1 - level) / 2),
                Statistics.quantile(theta, (1 + level) / 2))
    }
    // ANCHOR_END: percentile-interval

    /// The normal-theory interval for a mean, mean ± z·√(var/n) with the plug-in variance:
    /// what the bootstrap interval of the mean approaches for large samples.
    public static func normalInterval(_ x: [Double], z: Double = 1.959964) -> (low: Double, high: Double) {
        let m = Statistics.mean(x)
        let se = (Statistics.variance(x) / Double(x.count)).squareRoot()
        return (m - z * se, m + z * se)
    }
}
