import Foundation
import LLMCourseKit

/// A random distribution over `n` tokens, some of them impossible.
func randomDistribution(_ c: inout CheckContext, _ n: Int) -> [Double] {
    var weights = (0..<n).map { _ in c.bool() || n < 3 ? exp(c.double(in: -3...3)) : 0 }
    if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example", zh: "手算範例") { c in
        let p = [0.5, 0.3, 0.2], q = [0.2, 0.6, 0.2]
        try c.expectClose(acceptanceProbability(token: 0, target: p, draft: q), 1.0, "acceptance of token 0 (p 0.5, q 0.2)")
        try c.expectClose(acceptanceProbability(token: 1, target: p, draft: q), 0.5, "acceptance of token 1 (p 0.3, q 0.6)")
        try c.expectClose(residualDistribution(target: p, draft: q), [1, 0, 0], "residual of p [0.5, 0.3, 0.2], q [0.2, 0.6, 0.2]")
    }
    suite.check("equal distributions: always accept, residual is p", zh: "兩個分布相同時：一律接受，剩餘分布就是 p") { c in
        let p = [0.1, 0.6, 0.3]
        for x in 0..<3 { try c.expectClose(acceptanceProbability(token: x, target: p, draft: p), 1.0, "acceptance of token \(x)") }
        try c.expectClose(residualDistribution(target: p, draft: p), p, "residual when p = q")
    }
    suite.check("the output distribution is exactly the target's", zh: "輸出的分布與目標模型完全相同", points: 2) { c in
        // P(out = y) = q(y)·accept(y) + P(reject)·residual(y), which must equal p(y).
        for _ in 0..<30 {
            let n = c.int(in: 2...12)
            let p = randomDistribution(&c, n), q = randomDistribution(&c, n)
            let residual = residualDistribution(target: p, draft: q)
            let accept = (0..<n).map { q[$0] > 0 ? acceptanceProbability(token: $0, target: p, draft: q) : 0 }
            let reject = (0..<n).map { q[$0] * (1 - accept[$0]) }.reduce(0, +)
            let out = (0..<n).map { q[$0] * accept[$0] + reject * residual[$0] }
            try c.expectClose(out, p, atol: 1e-9, rtol: 1e-7, "distribution of the kept-or-replaced token over \(n) tokens")
        }
    }
    suite.check("matches the library on random distributions", zh: "在隨機分布上與函式庫一致") { c in
        for _ in 0..<30 {
            let n = c.int(in: 1...16)
            let p = randomDistribution(&c, n), q = randomDistribution(&c, n)
            try c.expectClose(residualDistribution(target: p, draft: q), SpeculativeRule.residual(target: p, draft: q),
                              atol: 1e-12, rtol: 1e-9, "residualDistribution over \(n) tokens")
            let x = c.int(in: 0...(n - 1))
            try c.expectClose(acceptanceProbability(token: x, target: p, draft: q),
                              SpeculativeRule.acceptanceProbability(token: x, target: p, draft: q),
                              atol: 1e-12, rtol: 1e-9, "acceptanceProbability(token: \(x))")
        }
    }
}
