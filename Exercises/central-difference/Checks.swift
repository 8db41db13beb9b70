import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: x₀² + 3·x₀·x₁ at (1, 2)", zh: "手算範例：x₀² + 3·x₀·x₁ 在 (1, 2)") { c in
        let g = centralDifferenceGradient(of: { $0[0] * $0[0] + 3 * $0[0] * $0[1] }, at: [1, 2])
        try c.expectClose(g, [8, 3], atol: 1e-6, rtol: 1e-6, "gradient of x₀² + 3·x₀·x₁ at (1, 2)")
    }
    suite.check("matches the exact gradient of random quadratics", zh: "與隨機二次函數的精確梯度一致", points: 2) { c in
        for _ in 0..<10 {
            let n = c.int(in: 1...6)
            let a = c.doubles(n, in: -2...2), b = c.doubles(n, in: -2...2), x = c.doubles(n, in: -2...2)
            // f(x) = Σ aᵢ xᵢ² + bᵢ xᵢ, so ∂f/∂xᵢ = 2 aᵢ xᵢ + bᵢ.
            let f: ([Double]) -> Double = { v in v.indices.reduce(0) { $0 + a[$1] * v[$1] * v[$1] + b[$1] * v[$1] } }
            let exact = x.indices.map { 2 * a[$0] * x[$0] + b[$0] }
            try c.expectClose(centralDifferenceGradient(of: f, at: x), exact, atol: 1e-6, rtol: 1e-6, "gradient in \(n) dimensions")
        }
    }
    suite.check("the error shrinks like h², not like h", zh: "誤差隨 h² 縮小，而不是隨 h") { c in
        let f: ([Double]) -> Double = { sin($0[0]) * exp($0[1]) }
        let x = [c.double(in: 0.2...1), c.double(in: -0.5...0.5)]
        let exact = [cos(x[0]) * exp(x[1]), sin(x[0]) * exp(x[1])]
        func error(_ h: Double) -> Double {
            zip(centralDifferenceGradient(of: f, at: x, h: h), exact).map { abs($0 - $1) }.max() ?? .infinity
        }
        let ratio = error(1e-2) / error(1e-3)
        try c.expect(ratio > 50, "dividing h by 10 divided the error by only \(ratio); a central difference should gain about 100×")
    }
    suite.check("agrees with the checker's own finite differences", zh: "與檢查程式自己的有限差分一致") { c in
        let x = c.doubles(5, in: -1...1)
        let f: ([Double]) -> Double = { v in tanh(v.reduce(0, +)) + v[0] * v[4] }
        try c.expectClose(centralDifferenceGradient(of: f, at: x, h: 1e-6), CheckContext.numericalGradient(of: f, at: x),
                          atol: 1e-8, rtol: 1e-6, "gradient of tanh(Σx) + x₀·x₄")
    }
}
