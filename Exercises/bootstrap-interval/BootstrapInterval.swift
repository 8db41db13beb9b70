import Foundation
import LLMCourseKit

/// The `q`-quantile of `x` (0 ≤ q ≤ 1) by linear interpolation, as NumPy's `quantile` does:
/// sort `x`, go to position `q·(n − 1)`, and interpolate between the two values around it.
///
///     quantile([3, 1, 2, 10], 0.5) == 2.5      // halfway between 2 and 3
func quantile(_ x: [Double], _ q: Double) -> Double {
    // TODO: sort, find the position q·(n − 1), interpolate between its neighbors.
    return 0
}

/// The bootstrap percentile interval `[low, high]` for the mean of `x` at confidence `level`:
///
/// 1. `var rng = SplitMix64(seed: seed)`;
/// 2. `resamples` times: draw `x.count` indices with `rng.nextInt(below: x.count)`, in order,
///    and take the mean of the values at those indices;
/// 3. return the `(1 − level)/2` and `(1 + level)/2` quantiles of those means.
func bootstrapInterval(_ x: [Double], level: Double, resamples: Int, seed: UInt64) -> [Double] {
    // TODO: resample with replacement, collect the means, read off two quantiles.
    return [0, 0]
}
