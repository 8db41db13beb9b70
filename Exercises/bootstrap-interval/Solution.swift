import LLMCourseKit

// The reference answer: the course library's statistics (Sources/Fundamentals/Statistics.swift,
// region "quantile") and bootstrap (Sources/Fundamentals/Bootstrap.swift, regions "resample" and
// "percentile-interval").
func quantile(_ x: [Double], _ q: Double) -> Double { Statistics.quantile(x, q) }

func bootstrapInterval(_ x: [Double], level: Double, resamples: Int, seed: UInt64) -> [Double] {
    var rng = SplitMix64(seed: seed)
    let (low, high) = Bootstrap.percentileInterval(x, level: level, resamples: resamples, rng: &rng)
    return [low, high]
}
