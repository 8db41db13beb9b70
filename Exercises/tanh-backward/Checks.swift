import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("forward matches the library", zh: "前向傳播與函式庫一致") { c in
        for _ in 0..<10 {
            let x = c.floats(c.int(in: 1...32), in: -4...4)
            try c.expectClose(tanhForward(x), Tensor(x).tanh().scalars, atol: 1e-6, rtol: 1e-5, "tanhForward(x)")
        }
    }
    suite.check("backward matches the autograd engine", zh: "反向傳播與自動微分引擎一致", points: 2) { c in
        for _ in 0..<10 {
            let n = c.int(in: 1...32)
            let x = c.floats(n, in: -3...3), g = c.floats(n, in: -2...2)
            let input = Variable(Tensor(x), requiresGrad: true)
            input.tanh().backward(seed: Tensor(g))
            let expected = input.grad?.scalars ?? []
            let y = Tensor(x).tanh().scalars
            try c.expectClose(tanhBackward(output: y, upstream: g), expected, atol: 1e-6, rtol: 1e-5,
                              "tanhBackward(output:upstream:)")
        }
    }
    suite.check("backward agrees with finite differences", zh: "反向傳播與有限差分一致") { c in
        let x = c.floats(8, in: -2...2)
        let g = c.floats(8, in: -1...1)
        // L(x) = Σ gᵢ · tanh(xᵢ), so ∂L/∂x = g · (1 − tanh²x).
        let loss: ([Float]) -> Float = { v in zip(Tensor(v).tanh().scalars, g).reduce(0) { $0 + $1.0 * $1.1 } }
        let analytic = tanhBackward(output: Tensor(x).tanh().scalars, upstream: g)
        try c.expectGradient(of: loss, at: x, equals: analytic, epsilon: 1e-2, atol: 2e-3, rtol: 1e-2)
    }
}
