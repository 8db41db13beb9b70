import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: two rows, two features", zh: "手算範例：兩列、兩個特徵") { c in
        // Column 0: mean 2, variance 1; column 1: mean 15, variance 25. With ε = 0 every x̂ is ±1.
        let r = batchNormForward([[1, 10], [3, 20]], gamma: [2, 1], beta: [0, 0.5], epsilon: 0)
        try c.expectClose(r.mean, [2, 15], "mean")
        try c.expectClose(r.variance, [1, 25], "variance (divide by n, not n − 1)")
        try c.expectClose(r.y, [[-2, -0.5], [2, 1.5]], "y")
    }
    suite.check("forward matches the library's BatchNorm layer", zh: "前向傳播與函式庫的 BatchNorm 層一致") { c in
        for _ in 0..<10 {
            let (n, k) = (c.int(in: 2...8), c.int(in: 1...5))
            let x = matrix(&c, n, k, spread: c.float(in: 0.1...5)), gamma = c.floats(k, in: 0.5...2), beta = c.floats(k)
            let layer = BatchNorm(k)
            layer.weight.value = Tensor(gamma)
            layer.bias.value = Tensor(beta)
            let expected = withNoGrad { layer(Variable(Tensor(x))).value }
            let r = batchNormForward(x, gamma: gamma, beta: beta, epsilon: 1e-5)
            try c.expectClose(r.y, rows(expected), atol: 1e-4, rtol: 1e-4, "y for x[\(n), \(k)]")
            // PyTorch's running variance is unbiased: undo n/(n − 1) and the momentum 0.1 from the initial 1.
            let variance = layer.runningVariance.map { ($0 - 0.9) / 0.1 * Float(n - 1) / Float(n) }
            try c.expectClose(r.variance, variance, atol: 1e-4, rtol: 1e-3, "variance for x[\(n), \(k)]")
        }
    }
    suite.check("backward matches the autograd engine", zh: "反向傳播與自動微分引擎一致", points: 2) { c in
        for _ in 0..<10 {
            let (n, k) = (c.int(in: 2...8), c.int(in: 1...5))
            let x = matrix(&c, n, k, spread: c.float(in: 0.1...5)), gamma = c.floats(k, in: 0.5...2), g = matrix(&c, n, k, spread: 1)
            let vx = Variable(Tensor(x), requiresGrad: true), vg = Variable(Tensor(gamma), requiresGrad: true)
            let vb = Variable(Tensor([Float](repeating: 0, count: k)), requiresGrad: true)
            batchNormTraining(vx, weight: vg, bias: vb, epsilon: 1e-5).output.backward(seed: Tensor(g))
            let r = batchNormBackward(x, gamma: gamma, upstream: g, epsilon: 1e-5)
            try c.expectClose(r.dx, rows(vx.grad!), atol: 1e-4, rtol: 1e-3, "dx for x[\(n), \(k)]")
            try c.expectClose(r.dGamma, vg.grad!.scalars, atol: 1e-4, rtol: 1e-3, "dGamma for x[\(n), \(k)]")
            try c.expectClose(r.dBeta, vb.grad!.scalars, atol: 1e-5, rtol: 1e-4, "dBeta for x[\(n), \(k)]")
        }
    }
    suite.check("dx agrees with finite differences and sums to zero per feature", zh: "dx 與有限差分一致，且每個特徵的總和為零") { c in
        let x = matrix(&c, 4, 3, spread: 1), gamma = c.floats(3, in: 0.5...2), g = matrix(&c, 4, 3, spread: 1)
        // L(x) = Σ g ∘ BN(x) through the library's forward pass; a shift of a whole column changes nothing.
        let loss: ([Float]) -> Float = { flat in
            let y = BatchNormKernels.forward(flat, rows: 4, channels: 3, gamma: gamma, beta: [0, 0, 0], epsilon: 1e-5).output
            return zip(y, g.joined()).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let dx = batchNormBackward(x, gamma: gamma, upstream: g, epsilon: 1e-5).dx
        try c.expectGradient(of: loss, at: x.flatMap { $0 }, equals: dx.flatMap { $0 }, epsilon: 1e-2, atol: 2e-3, rtol: 2e-2, shape: [4, 3], "dx")
        let columnSums = (0..<3).map { k in dx.reduce(0) { $0 + $1[k] } }
        try c.expectClose(columnSums, [0, 0, 0], atol: 1e-4, rtol: 0, "Σ_rows dx (each column)")
    }
}

private func matrix(_ c: inout CheckContext, _ r: Int, _ k: Int, spread: Float) -> [[Float]] {
    let shift = c.floats(k, in: -2...2)
    return (0..<r).map { _ in (0..<k).map { shift[$0] + spread * c.float(in: -1...1) } }
}

private func rows(_ t: Tensor) -> [[Float]] {
    let columns = t.shape[1]
    return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
}
