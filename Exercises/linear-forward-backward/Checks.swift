import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: two inputs, two outputs", zh: "手算範例：兩個輸入、兩個輸出") { c in
        let x: [[Float]] = [[1, 2]], w: [[Float]] = [[1, 0], [3, -1]]
        try c.expectClose(linearForward(x, weight: w, bias: [0.5, 1]), [[1.5, 2]], "linearForward([[1, 2]], …)")
        let grads = linearBackward(x, weight: w, upstream: [[1, 2]])
        try c.expectClose(grads.dx, [[7, -2]], "dx")
        try c.expectClose(grads.dWeight, [[1, 2], [2, 4]], "dWeight")
        try c.expectClose(grads.dBias, [1, 2], "dBias")
    }
    suite.check("forward matches the library on random shapes", zh: "前向傳播在隨機形狀上與函式庫一致") { c in
        for _ in 0..<10 {
            let (n, i, o) = (c.int(in: 1...6), c.int(in: 1...6), c.int(in: 1...6))
            let x = matrix(&c, n, i), w = matrix(&c, o, i), b = c.floats(o, in: -1...1)
            let expected = linear(Variable(Tensor(x)), weight: Variable(Tensor(w)), bias: Variable(Tensor(b))).value
            try c.expectClose(linearForward(x, weight: w, bias: b), rows(expected), "linearForward(x[\(n), \(i)], W[\(o), \(i)])")
        }
    }
    suite.check("backward matches the autograd engine", zh: "反向傳播與自動微分引擎一致", points: 2) { c in
        for _ in 0..<10 {
            let (n, i, o) = (c.int(in: 1...6), c.int(in: 1...6), c.int(in: 1...6))
            let x = matrix(&c, n, i), w = matrix(&c, o, i), g = matrix(&c, n, o)
            let vx = Variable(Tensor(x), requiresGrad: true), vw = Variable(Tensor(w), requiresGrad: true)
            let vb = Variable(Tensor([Float](repeating: 0, count: o)), requiresGrad: true)
            linear(vx, weight: vw, bias: vb).backward(seed: Tensor(g))
            let grads = linearBackward(x, weight: w, upstream: g)
            try c.expectClose(grads.dx, rows(vx.grad!), "dx for x[\(n), \(i)], W[\(o), \(i)]")
            try c.expectClose(grads.dWeight, rows(vw.grad!), "dWeight for x[\(n), \(i)], W[\(o), \(i)]")
            try c.expectClose(grads.dBias, vb.grad!.scalars, "dBias for x[\(n), \(i)], W[\(o), \(i)]")
        }
    }
    suite.check("dWeight agrees with finite differences", zh: "dWeight 與有限差分一致") { c in
        let x = matrix(&c, 3, 4), w = matrix(&c, 2, 4), g = matrix(&c, 3, 2)
        // L(W) = Σ g ∘ (x·Wᵀ), so ∂L/∂W is exactly what linearBackward returns as dWeight.
        let loss: ([Float]) -> Float = { flat in
            let y = linearForward(x, weight: [Array(flat[0..<4]), Array(flat[4..<8])], bias: [0, 0])
            return zip(y.joined(), g.joined()).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let analytic = linearBackward(x, weight: w, upstream: g).dWeight.flatMap { $0 }
        try c.expectGradient(of: loss, at: w.flatMap { $0 }, equals: analytic, shape: [2, 4], "dWeight")
    }
}

private func matrix(_ c: inout CheckContext, _ r: Int, _ k: Int) -> [[Float]] { (0..<r).map { _ in c.floats(k, in: -1...1) } }

private func rows(_ t: Tensor) -> [[Float]] {
    let columns = t.shape[1]
    return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
}
