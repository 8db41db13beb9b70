import Foundation
import LLMCourseKit

/// A random symmetric matrix Q·diag(λ)·Qᵀ with the eigenvalues `lambda` and a random orthonormal
/// Q (Gram–Schmidt on random columns), so the answer is known exactly.
func symmetric(_ c: inout CheckContext, eigenvalues lambda: [Double]) -> (a: [[Double]], q: [[Double]]) {
    let n = lambda.count
    var q: [[Double]] = []
    while q.count < n {
        var v = c.doubles(n, in: -1...1)
        for u in q {
            let d = zip(u, v).reduce(0.0) { $0 + $1.0 * $1.1 }
            v = zip(v, u).map { $0 - d * $1 }
        }
        let norm = v.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        if norm > 1e-3 { q.append(v.map { $0 / norm }) }
    }
    let a = (0..<n).map { r in (0..<n).map { col in (0..<n).reduce(0.0) { $0 + q[$1][r] * lambda[$1] * q[$1][col] } } }
    return (a, q)
}

/// |u·v| for unit vectors: 1 when they point the same way or exactly opposite.
func alignment(_ u: [Double], _ v: [Double]) -> Double { abs(zip(u, v).reduce(0.0) { $0 + $1.0 * $1.1 }) }

func registerChecks(_ suite: CheckSuite) {
    suite.check("[[2, 1], [1, 2]] worked by hand", zh: "[[2, 1], [1, 2]]，手算") { c in
        // A·[1, 0] = [2, 1], A·[2, 1] = [5, 4], …: the direction tends to [1, 1]/√2, λ = 3.
        let a: [[Double]] = [[2, 1], [1, 2]]
        let one = powerIteration(a, start: [1, 0], iterations: 1)
        try c.expectClose(one.map(abs), [2, 1].map { $0 / 5.squareRoot() }, atol: 1e-12, rtol: 1e-12, "one step from [1, 0]")
        let v = powerIteration(a, start: [1, 0], iterations: 60)
        try c.expect(abs(alignment(v, [1, 1].map { $0 / 2.squareRoot() }) - 1) < 1e-12, "after 60 steps, v = \(v); expected ±[0.7071, 0.7071]")
        try c.expectClose(rayleighQuotient(a, [1, 1].map { $0 / 2.squareRoot() }), 3, atol: 1e-12, rtol: 1e-12, "Rayleigh quotient at [1, 1]/√2")
    }
    suite.check("finds the top eigenvector of matrices with known eigenvalues", zh: "在特徵值已知的矩陣上找到最大的特徵向量", points: 2) { c in
        for _ in 0..<6 {
            let n = c.int(in: 2...7)
            let top = c.double(in: 3...6) * (c.bool() ? 1 : -1)
            let rest = (1..<n).map { _ in c.double(in: -1.5...1.5) }
            let (a, q) = symmetric(&c, eigenvalues: [top] + rest)
            let v = powerIteration(a, start: c.doubles(n, in: 0.1...1), iterations: 200)
            try c.expect(abs(alignment(v, q[0]) - 1) < 1e-9, "\(n)×\(n), λ₁ = \(top): |v·u₁| = \(alignment(v, q[0])), expected 1")
            try c.expectClose(rayleighQuotient(a, v), top, atol: 1e-9, rtol: 1e-9, "Rayleigh quotient, \(n)×\(n)")
        }
    }
    suite.check("takes exactly the number of steps asked for", zh: "恰好走指定的步數") { c in
        for k in [2, 3, 5] {
            let n = c.int(in: 3...6)
            let (a, _) = symmetric(&c, eigenvalues: (0..<n).map { _ in c.double(in: -2...2) })
            let start = c.doubles(n, in: 0.1...1)
            let expected = PowerIteration.dominant(a, start: start, iterations: k, tolerance: 0).vector
            let v = powerIteration(a, start: start, iterations: k)
            try c.expect(abs(alignment(v, expected) - 1) < 1e-10, "after \(k) steps, v = \(v); the library has ±\(expected)")
            try c.expectClose(v.reduce(0) { $0 + $1 * $1 }, 1, atol: 1e-12, rtol: 1e-12, "|v|² after \(k) steps")
        }
    }
    suite.check("deflation leaves the second eigenpair on top", zh: "降階後第二個特徵對成為最大", points: 2) { c in
        for _ in 0..<4 {
            let n = c.int(in: 3...6)
            let lambda = [5.0, 3.0] + (2..<n).map { _ in c.double(in: -1...1) }
            let (a, q) = symmetric(&c, eigenvalues: lambda)
            let deflated = deflate(a, value: 5, vector: q[0])
            try c.expectClose(deflated.flatMap { $0 }, PowerIteration.deflate(a, value: 5, vector: q[0]).flatMap { $0 },
                              atol: 1e-12, rtol: 1e-12, "A − 5·u₁·u₁ᵀ (\(n)×\(n))")
            let v = powerIteration(deflated, start: c.doubles(n, in: 0.1...1), iterations: 300)
            try c.expect(abs(alignment(v, q[1]) - 1) < 1e-8, "after deflation |v·u₂| = \(alignment(v, q[1])), expected 1")
            try c.expectClose(rayleighQuotient(deflated, v), 3, atol: 1e-8, rtol: 1e-8, "λ₂ after deflation")
        }
    }
}
