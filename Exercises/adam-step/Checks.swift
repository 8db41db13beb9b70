import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("the first step moves each weight by about the learning rate", zh: "第一步讓每個權重移動大約一個學習率") { c in
        // Step 1 with zero moments: m̂ = g and v̂ = g², so the step is η·g/(|g| + ε) ≈ η·sign(g).
        let r = adamStep(theta: [1, -2, 0.5, 0], grad: [0.1, -0.3, 2, -1e-3], m: [0, 0, 0, 0], v: [0, 0, 0, 0], step: 1,
                         learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0, decoupled: false)
        try c.expectClose(r.theta, [0.99, -1.99, 0.49, 0.01], atol: 1e-6, rtol: 0, "θ after step 1")
        try c.expectClose(r.m, [0.01, -0.03, 0.2, -1e-4], atol: 1e-7, rtol: 1e-5, "m after step 1")
        try c.expectClose(r.v, [1e-5, 9e-5, 4e-3, 1e-9], atol: 1e-10, rtol: 1e-4, "v after step 1")
    }
    suite.check("three steps match torch.optim.Adam and AdamW", zh: "三步的結果與 torch.optim.Adam 和 AdamW 一致", points: 2) { c in
        // PyTorch 2.13: θ₀ = [1, −2, 0.5], these gradients assigned to p.grad before each step(),
        // lr 0.01, weight_decay 0.1, other arguments default.
        let grads: [[Float]] = [[0.1, -0.3, 2.0], [-0.2, 0.4, 1.0], [0.05, 0.0, -1.5]]
        for (decoupled, expected) in [(false, [0.98214996, -1.9818541, 0.47793797] as [Float]),
                                      (true, [0.99204737, -1.9874551, 0.4767876] as [Float])] {
            var (theta, m, v): ([Float], [Float], [Float]) = ([1, -2, 0.5], [0, 0, 0], [0, 0, 0])
            for (t, g) in grads.enumerated() {
                (theta, m, v) = adamStep(theta: theta, grad: g, m: m, v: v, step: t + 1, learningRate: 0.01, beta1: 0.9,
                                         beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1, decoupled: decoupled)
            }
            try c.expectClose(theta, expected, atol: 1e-5, rtol: 0, decoupled ? "AdamW θ after 3 steps" : "Adam θ after 3 steps")
        }
    }
    suite.check("any step, any hyper-parameters: matches the library", zh: "任何步數、任何超參數：與函式庫一致", points: 2) { c in
        for _ in 0..<12 {
            let n = c.int(in: 1...16)
            let theta = c.floats(n, in: -2...2), grad = c.floats(n, in: -1...1)
            let m = c.floats(n, in: -0.5...0.5), v = c.floats(n, in: 0...0.5).map { $0 * $0 }
            let step = c.int(in: 1...2000)
            let rule = AdamRule(learningRate: c.float(in: 1e-4...0.1), beta1: c.float(in: 0.5...0.95), beta2: c.float(in: 0.9...0.9999),
                                epsilon: [1e-8, 1e-6, 1e-3][c.int(in: 0...2)], weightDecay: c.float(in: 0...0.3), decoupled: c.bool())
            var (mm, vv) = (m, v)
            let expected = rule.update(theta: theta, grad: grad, m: &mm, v: &vv, step: step)
            let r = adamStep(theta: theta, grad: grad, m: m, v: v, step: step, learningRate: rule.learningRate, beta1: rule.beta1,
                             beta2: rule.beta2, epsilon: rule.epsilon, weightDecay: rule.weightDecay, decoupled: rule.decoupled)
            let what = "step \(step), \(rule.decoupled ? "AdamW" : "Adam"), β₁ \(rule.beta1), β₂ \(rule.beta2)"
            try c.expectClose(r.m, mm, atol: 1e-6, rtol: 1e-5, "m at \(what)")
            try c.expectClose(r.v, vv, atol: 1e-7, rtol: 1e-5, "v at \(what)")
            try c.expectClose(r.theta, expected, atol: 1e-5, rtol: 1e-5, "θ at \(what)")
        }
    }
    suite.check("AdamW decays the weights, Adam decays through the gradient", zh: "AdamW 直接衰減權重，Adam 則透過梯度衰減") { c in
        // Zero gradient and zero moments: AdamW only shrinks θ by (1 − ηλ); Adam's L2 term becomes
        // the gradient, and its first step is about η·sign(θ) whatever λ is.
        let theta: [Float] = [3, -0.5], zero: [Float] = [0, 0]
        let w = adamStep(theta: theta, grad: zero, m: zero, v: zero, step: 1, learningRate: 0.1, beta1: 0.9, beta2: 0.999,
                         epsilon: 1e-8, weightDecay: 0.5, decoupled: true)
        try c.expectClose(w.theta, [2.85, -0.475], atol: 1e-6, rtol: 0, "AdamW θ with a zero gradient")
        let a = adamStep(theta: theta, grad: zero, m: zero, v: zero, step: 1, learningRate: 0.1, beta1: 0.9, beta2: 0.999,
                         epsilon: 1e-8, weightDecay: 0.5, decoupled: false)
        try c.expectClose(a.theta, [2.9, -0.4], atol: 1e-6, rtol: 0, "Adam θ with a zero gradient")
    }
}
