import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("one right answer in four, worked by hand", zh: "四個答案中一個對：手算範例") { c in
        // mean 1/4; squared deviations 9/16 + 3·1/16 = 3/4; (3/4)/3 = 1/4, so std = 1/2.
        let s = 0.5 + 1e-4
        try c.expectClose(groupNormalizedAdvantages([1, 0, 0, 0], groupSize: 4), [0.75 / s, -0.25 / s, -0.25 / s, -0.25 / s],
                          atol: 1e-12, rtol: 1e-9, "advantages of [1, 0, 0, 0]")
    }
    suite.check("the std divides by G − 1, not G", zh: "標準差除以 G − 1，而不是 G") { c in
        // [1, 0]: mean 1/2, unbiased std √(1/2); the biased std 1/2 would give ±0.9998.
        let a = 0.5 / (0.5.squareRoot() + 1e-4)
        try c.expectClose(groupNormalizedAdvantages([1, 0], groupSize: 2), [a, -a], atol: 1e-12, rtol: 1e-9, "advantages of [1, 0]")
        // [2, 4, 9]: mean 5, deviations −3, −1, 4, variance 26 / 2 = 13.
        let s = 13.0.squareRoot() + 1e-4
        try c.expectClose(groupNormalizedAdvantages([2, 4, 9], groupSize: 3), [-3 / s, -1 / s, 4 / s],
                          atol: 1e-12, rtol: 1e-9, "advantages of [2, 4, 9]")
    }
    suite.check("each group is normalized by its own mean and std", zh: "每組用自己的平均與標準差正規化") { c in
        let s = 0.5 + 1e-4
        try c.expectClose(groupNormalizedAdvantages([1, 0, 0, 0, 1, 1, 0, 1], groupSize: 4),
                          [0.75 / s, -0.25 / s, -0.25 / s, -0.25 / s, 0.25 / s, 0.25 / s, -0.75 / s, 0.25 / s],
                          atol: 1e-12, rtol: 1e-9, "two groups of four")
        // [1, 0, 1, 0]: deviations ±1/2, variance 1/3; a large ε shrinks every advantage.
        let t = 0.5 / (1 / 3.0.squareRoot() + 0.5)
        try c.expectClose(groupNormalizedAdvantages([1, 0, 1, 0], groupSize: 4, epsilon: 0.5), [t, -t, t, -t],
                          atol: 1e-12, rtol: 1e-9, "epsilon 0.5")
    }
    suite.check("groups that agree, and groups of one, get 0", zh: "全部相同的組、只有一個樣本的組，優勢值為 0") { c in
        try c.expectClose(groupNormalizedAdvantages([1, 1, 1, 0, 0, 0], groupSize: 3), [0, 0, 0, 0, 0, 0], atol: 0, "all right, all wrong")
        try c.expectClose(groupNormalizedAdvantages([3, -2, 0.5], groupSize: 1), [0, 0, 0], atol: 0, "groups of one")
    }
    suite.check("matches the library on random groups", zh: "在隨機分組上與函式庫一致", points: 2) { c in
        for _ in 0..<30 {
            let size = c.int(in: 1...16), groups = c.int(in: 1...5)
            let binary = c.bool()
            let rewards = (0..<(size * groups)).map { _ in binary ? Double(c.int(in: 0...1)) : c.double(in: -3...3) }
            let epsilon = c.pick([1e-4, 1e-6, 0.1])
            try c.expectClose(groupNormalizedAdvantages(rewards, groupSize: size, epsilon: epsilon),
                              PolicyGradient.groupNormalizedAdvantages(rewards, groupSize: size, epsilon: epsilon),
                              atol: 1e-9, rtol: 1e-7, "\(groups) groups of \(size), ε = \(epsilon)")
        }
    }
}
