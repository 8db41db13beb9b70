import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked step from zero weights", zh: "從零權重出發的手算一步") { c in
        // Zero weights: every class has probability 1/3, so L = ln 3 and ∂L/∂z_i = (1/3 − onehot(y_i)) / n.
        let rows: [[Double]] = [[1, 2], [-1, 0]], labels = [0, 2]
        let zeros = [[0.0, 0, 0], [0, 0, 0]]
        let r = softmaxStep(weights: zeros, biases: [0, 0, 0], rows: rows, labels: labels, learningRate: 3, l2: 0.5)
        try c.expectClose(r.loss, log(3.0), "loss before the step")
        // ∂L/∂W = Xᵀ(P − Y)/2 = [[−1/2, 0, 1/2], [−2/3, 1/3, 1/3]]; the step is −3 times that.
        try c.expectClose(r.weights.flatMap { $0 }, [1.5, 0, -1.5, 2, -1, -1], atol: 1e-12, rtol: 1e-9, "weights after the step")
        // ∂L/∂b = mean of (p − onehot(y)) = [−1/6, 1/3, −1/6].
        try c.expectClose(r.biases, [0.5, -1, 0.5], atol: 1e-12, rtol: 1e-9, "biases after the step")
    }
    suite.check("the step follows the finite-difference gradient", zh: "這一步沿著有限差分梯度前進", points: 2) { c in
        for _ in 0..<5 {
            let (n, d, k) = (c.int(in: 1...6), c.int(in: 1...3), c.int(in: 2...4))
            let rows = (0..<n).map { _ in c.doubles(d, in: -2...2) }, labels = (0..<n).map { _ in c.int(in: 0...(k - 1)) }
            let w = (0..<d).map { _ in c.doubles(k, in: -1...1) }, b = c.doubles(k, in: -1...1), l2 = c.double(in: 0...0.5)
            // The loss written out here, independent of the learner's and the library's code.
            func loss(_ theta: [Double]) -> Double {
                var total = 0.0
                for (x, y) in zip(rows, labels) {
                    let z = (0..<k).map { j in theta[d * k + j] + (0..<d).reduce(0) { $0 + x[$1] * theta[$1 * k + j] } }
                    let top = z.max()!
                    total -= z[y] - top - log(z.reduce(0) { $0 + exp($1 - top) })
                }
                return total / Double(n) + 0.5 * l2 * theta[..<(d * k)].reduce(0) { $0 + $1 * $1 }
            }
            let theta = w.flatMap { $0 } + b
            let rate = 0.1
            let r = softmaxStep(weights: w, biases: b, rows: rows, labels: labels, learningRate: rate, l2: l2)
            try c.expectClose(r.loss, loss(theta), atol: 1e-12, rtol: 1e-9, "loss before the step")
            let moved = r.weights.flatMap { $0 } + r.biases
            try c.expectEqual(moved.count, theta.count, "number of parameters returned")
            let gradient = zip(theta, moved).map { ($0 - $1) / rate }
            try c.expectClose(gradient, CheckContext.numericalGradient(of: loss, at: theta, epsilon: 1e-6), atol: 1e-6, rtol: 1e-5,
                              "(θ − θ') / rate against the central-difference gradient")
        }
    }
    suite.check("matches the library on random problems", zh: "在隨機問題上與函式庫一致", points: 2) { c in
        for _ in 0..<15 {
            let (n, d, k) = (c.int(in: 1...10), c.int(in: 1...5), c.int(in: 2...5))
            let rows = (0..<n).map { _ in c.doubles(d, in: -3...3) }, labels = (0..<n).map { _ in c.int(in: 0...(k - 1)) }
            let w = (0..<d).map { _ in c.doubles(k, in: -2...2) }, b = c.doubles(k, in: -2...2)
            let (rate, l2) = (c.double(in: 0.01...2), c.pick([0, 0.01, 0.3]))
            var model = SoftmaxRegression(weights: w, biases: b, l2: l2)
            let expectedLoss = model.step(rows, labels: labels, learningRate: rate)
            let r = softmaxStep(weights: w, biases: b, rows: rows, labels: labels, learningRate: rate, l2: l2)
            try c.expectClose(r.loss, expectedLoss, atol: 1e-12, rtol: 1e-9, "loss on \(n) rows, \(d) features, \(k) classes")
            try c.expectClose(r.weights.flatMap { $0 }, model.weights.flatMap { $0 }, atol: 1e-12, rtol: 1e-9, "weights after the step")
            try c.expectClose(r.biases, model.biases, atol: 1e-12, rtol: 1e-9, "biases after the step")
        }
    }
    suite.check("large logits stay finite", zh: "很大的 logit 也保持有限") { c in
        let r = softmaxStep(weights: [[800, -800]], biases: [0, 0], rows: [[1], [-1]], labels: [1, 0], learningRate: 0.1, l2: 0)
        // Both rows are predicted wrong by a margin of 1600: the loss is 1600, not infinity.
        try c.expectClose(r.loss, 1600, atol: 1e-9, rtol: 1e-12, "loss with logits ±800")
        try c.expect(r.weights.flatMap { $0 }.allSatisfy(\.isFinite) && r.biases.allSatisfy(\.isFinite), "parameters after the step are finite")
    }
}
