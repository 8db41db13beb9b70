import LLMCourseKit

/// `n` rows of `d` numbers in [−1, 1], with the rows in `planted` pushed `shift` along one
/// random unit direction: a clear top singular direction, as poison gives real representations.
func representations(_ c: inout CheckContext, n: Int, d: Int, planted: [Int], shift: Double) -> [[Double]] {
    let raw = c.doubles(d, in: -1...1)
    let length = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let direction = raw.map { $0 / max(length, 1e-9) }
    return (0..<n).map { i in
        let row = c.doubles(d, in: -1...1)
        return planted.contains(i) ? zip(row, direction).map { $0 + shift * $1 } : row
    }
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("points on a line, worked by hand", zh: "一條直線上的點，手算") { c in
        // Centered rows t·(1, 1) with t = −1.5, −0.5, 0.5, 1.5; v = ±(1, 1)/√2; scores 2t².
        try c.expectClose(spectralScores([[0, 0], [1, 1], [2, 2], [3, 3]]), [4.5, 0.5, 0.5, 4.5],
                          atol: 1e-9, rtol: 1e-9, "scores of (0,0), (1,1), (2,2), (3,3)")
        // Centered rows (−2, 0), (−2, 0), (2, 1), (2, −1): Mᵀ·M = [[16, 0], [0, 2]], v = ±(1, 0).
        try c.expectClose(spectralScores([[-1, 0], [-1, 0], [3, 1], [3, -1]]), [4, 4, 4, 4],
                          atol: 1e-9, rtol: 1e-9, "two clusters on the x axis")
    }
    suite.check("the rows are centered first", zh: "先把每一列減去平均") { c in
        let rows = representations(&c, n: 12, d: 4, planted: [2, 7], shift: 5)
        let moved = rows.map { $0.map { $0 + 100 } }
        try c.expectClose(spectralScores(moved), spectralScores(rows), atol: 1e-6, rtol: 1e-6,
                          "scores after adding 100 to every coordinate")
        try c.expectClose(spectralScores([[3, -2, 7]]), [0], atol: 1e-12, "a single row is its own mean")
        try c.expectClose(spectralScores([[1], [2], [6]]), [4, 1, 9], atol: 1e-9, rtol: 1e-9, "one dimension: (x − mean)²")
    }
    suite.check("v is the direction of largest spread", zh: "v 是分散程度最大的方向") { c in
        // Σᵢ sᵢ = |M·v|² = σ₁², at least the spread along any coordinate axis and at most the total.
        for _ in 0..<5 {
            let (n, d) = (c.int(in: 5...20), c.int(in: 2...6))
            let rows = representations(&c, n: n, d: d, planted: [0], shift: 4)
            let mean = (0..<d).map { j in rows.reduce(0) { $0 + $1[j] } / Double(n) }
            let centered = rows.map { zip($0, mean).map { $0 - $1 } }
            let total = centered.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
            let axes = (0..<d).map { j in centered.reduce(0) { $0 + $1[j] * $1[j] } }
            let sum = spectralScores(rows).reduce(0, +)
            try c.expect(sum >= axes.max()! - 1e-9 && sum <= total + 1e-9,
                         "\(n)×\(d): the scores sum to \(sum); the largest axis spread is \(axes.max()!), the total \(total)")
        }
    }
    suite.check("planted outliers get the highest scores", zh: "植入的離群點分數最高") { c in
        for _ in 0..<5 {
            let (n, d) = (c.int(in: 30...60), c.int(in: 4...16))
            let planted = Array(Set((0..<3).map { _ in c.int(in: 0...(n - 1)) })).sorted()
            let scores = spectralScores(representations(&c, n: n, d: d, planted: planted, shift: 8))
            let top = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(planted.count).sorted()
            try c.expectEqual(Array(top), planted, "the \(planted.count) highest scores of \(n)×\(d) rows")
        }
    }
    suite.check("matches the library on random representations", zh: "在隨機表示向量上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let (n, d) = (c.int(in: 2...40), c.int(in: 1...12))
            let planted = (0..<c.int(in: 1...3)).map { _ in c.int(in: 0...(n - 1)) }
            let rows = representations(&c, n: n, d: d, planted: planted, shift: c.double(in: 8...12))
            try c.expectClose(spectralScores(rows), SpectralSignature.scores(rows), atol: 1e-6, rtol: 1e-5, "scores of \(n)×\(d) rows")
        }
    }
}
