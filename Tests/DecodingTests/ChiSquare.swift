/// Pearson's chi-square goodness-of-fit statistic `Σ (observed − expected)² / expected`, and the
/// critical values it is compared with.
enum ChiSquare {
    static func statistic(observed: [Int], expected probabilities: [Double]) -> Double {
        let n = Double(observed.reduce(0, +))
        return zip(observed, probabilities).reduce(0.0) { total, pair in
            let e = n * pair.1
            return e > 0 ? total + (Double(pair.0) - e) * (Double(pair.0) - e) / e : total
        }
    }

    /// Upper 0.1 % points of the chi-square distribution (α = 0.001) by degrees of freedom: a
    /// correct sampler exceeds them once in a thousand seeds.
    static let critical001: [Int: Double] = [
        1: 10.828, 2: 13.816, 3: 16.266, 4: 18.467, 5: 20.515, 6: 22.458, 7: 24.322, 8: 26.124, 9: 27.877,
        10: 29.588, 11: 31.264, 12: 32.909, 13: 34.528, 14: 36.123, 15: 37.697, 16: 39.252, 17: 40.790,
        18: 42.312, 19: 43.820, 20: 45.315, 21: 46.797, 22: 48.268, 23: 49.728, 24: 51.179, 25: 52.620,
        26: 54.052, 27: 55.476, 28: 56.892, 29: 58.301, 30: 59.703, 31: 61.098, 32: 62.487, 33: 63.870,
        34: 65.247, 35: 66.619, 36: 67.985, 37: 69.346, 38: 70.703, 39: 72.055, 40: 73.402,
    ]
}
