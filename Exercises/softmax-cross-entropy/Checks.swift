import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("softmax of a worked example", zh: "手算範例的 softmax") { c in
        try c.expectClose(softmax([1.5, -1.8, 0.9, -3.2]), [0.6270, 0.0231, 0.3441, 0.0057], atol: 1e-4, rtol: 0,
                          "softmax([1.5, −1.8, 0.9, −3.2])")
    }
    suite.check("softmax stays finite for huge scores", zh: "分數極大時 softmax 仍保持有限值") { c in
        try c.expectClose(softmax([1000, 1001]), [0.268941, 0.731059], atol: 1e-6, rtol: 0, "softmax([1000, 1001])")
    }
    suite.check("softmax matches the library", zh: "softmax 與函式庫一致") { c in
        for _ in 0..<10 {
            let z = c.doubles(c.int(in: 1...10), in: -5...5)
            let expected = Tensor(z.map(Float.init)).softmax().scalars.map(Double.init)
            try c.expectClose(softmax(z), expected, atol: 1e-6, rtol: 1e-5, "softmax of \(z.count) scores")
        }
    }
    suite.check("loss and gradient match the library", zh: "損失與梯度都與函式庫一致", points: 2) { c in
        for _ in 0..<10 {
            let (n, k) = (c.int(in: 1...5), c.int(in: 2...6))
            let logits = (0..<n).map { _ in c.doubles(k, in: -3...3) }
            let labels = (0..<n).map { _ in c.int(in: 0...(k - 1)) }
            let v = Variable(Tensor(shape: [n, k], scalars: logits.joined().map(Float.init)), requiresGrad: true)
            let reference = crossEntropy(v, targets: labels)
            reference.backward()
            let mine = crossEntropy(logits: logits, labels: labels)
            try c.expectClose(mine.loss, Double(reference.value.scalar), atol: 1e-5, rtol: 1e-5, "loss for [\(n), \(k)] logits")
            try c.expectClose(mine.gradient.flatMap { $0 }, v.grad!.scalars.map(Double.init), shape: [n, k],
                              atol: 1e-6, rtol: 1e-4, "gradient for [\(n), \(k)] logits")
        }
    }
    suite.check("the gradient agrees with finite differences", zh: "梯度與有限差分一致") { c in
        let logits = (0..<3).map { _ in c.doubles(4, in: -2...2) }
        let labels = [0, 3, 1]
        let f: ([Double]) -> Double = { flat in
            crossEntropy(logits: (0..<3).map { Array(flat[($0 * 4)..<($0 * 4 + 4)]) }, labels: labels).loss
        }
        try c.expectGradient(of: f, at: logits.flatMap { $0 }, equals: crossEntropy(logits: logits, labels: labels).gradient.flatMap { $0 },
                             shape: [3, 4], "∂loss/∂logits")
    }
}
