import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("quantiles of [3, 1, 2, 10] worked by hand", zh: "[3, 1, 2, 10] 的分位數，手算") { c in
        // Sorted: 1, 2, 3, 10. Position q·3: 0.25 → 0.75 (1 + 0.75·1), 0.5 → 1.5, 0.9 → 2.7 (3 + 0.7·7).
        for (q, expected) in [(0.0, 1.0), (0.25, 1.75), (0.5, 2.5), (0.9, 7.9), (1.0, 10.0)] {
            try c.expectClose(quantile([3, 1, 2, 10], q), expected, atol: 1e-12, rtol: 1e-12, "quantile([3, 1, 2, 10], \(q))")
        }
    }
    suite.check("quantiles match the library on random samples", zh: "在隨機樣本上的分位數與函式庫一致") { c in
        for _ in 0..<20 {
            let x = c.doubles(c.int(in: 1...40), in: -5...5), q = c.double(in: 0...1)
            try c.expectClose(quantile(x, q), Statistics.quantile(x, q), atol: 1e-12, rtol: 1e-12, "quantile of \(x.count) values at q = \(q)")
        }
    }
    suite.check("a constant sample has an interval of width zero", zh: "常數樣本的區間寬度為零") { c in
        let v = c.double(in: -3...3)
        try c.expectClose(bootstrapInterval([Double](repeating: v, count: 12), level: 0.9, resamples: 50, seed: 1), [v, v],
                          atol: 1e-12, rtol: 1e-12, "interval of twelve copies of \(v)")
    }
    suite.check("the same intervals as the library for the same seed", zh: "同一個種子下與函式庫的區間相同", points: 2) { c in
        for _ in 0..<8 {
            let x = c.doubles(c.int(in: 2...60), in: 0...10)
            let level = c.pick([0.8, 0.9, 0.95, 0.99]), resamples = c.int(in: 20...300), seed = UInt64(c.int(in: 0...1_000_000))
            var rng = SplitMix64(seed: seed)
            let expected = Bootstrap.percentileInterval(x, level: level, resamples: resamples, rng: &rng)
            try c.expectClose(bootstrapInterval(x, level: level, resamples: resamples, seed: seed), [expected.low, expected.high],
                              atol: 1e-10, rtol: 1e-10, "\(Int(level * 100))% interval of \(x.count) values, \(resamples) resamples, seed \(seed)")
        }
    }
    suite.check("the mean's 95% interval is close to mean ± 1.96·√(var/n)", zh: "平均值的 95% 區間接近 mean ± 1.96·√(var/n)") { c in
        let x = c.normals(300, mean: 4, std: 2).map(Double.init)
        let interval = bootstrapInterval(x, level: 0.95, resamples: 2_000, seed: UInt64(c.int(in: 0...1_000)))
        try c.expect(interval.count == 2 && interval[0] < interval[1], "expected [low, high] with low < high, got \(interval)")
        let n = Double(x.count), mean = x.reduce(0, +) / n
        let se = (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n / n).squareRoot()
        let ratio = (interval[1] - interval[0]) / (2 * 1.959964 * se)
        try c.expect(abs(ratio - 1) < 0.12, "the interval is \(ratio)× as wide as the normal-theory one; expected about 1")
        try c.expect(abs((interval[0] + interval[1]) / 2 - mean) < se, "the interval is not centered near the sample mean \(mean)")
    }
}
