import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example in two dimensions", zh: "二維的手算範例") { c in
        let r = skipGramLoss(centre: [1, 0], context: [0, 1], negatives: [[1, 1]])
        let s1 = 1 / (1 + exp(-1.0))   // σ(1): the negative's score is 1, the context's is 0
        try c.expectClose(r.loss, log(2) - log(1 - s1), atol: 1e-9, rtol: 1e-9, "loss")
        try c.expectClose(r.dCentre, [s1, s1 - 0.5], atol: 1e-9, rtol: 1e-9, "dCentre")
        try c.expectClose(r.dContext, [-0.5, 0], atol: 1e-9, rtol: 1e-9, "dContext")
        try c.expectClose(r.dNegatives.flatMap { $0 }, [s1, 0], atol: 1e-9, rtol: 1e-9, "dNegatives")
    }
    suite.check("all gradients agree with finite differences", zh: "所有梯度都與有限差分一致", points: 2) { c in
        for _ in 0..<5 {
            let (d, k) = (c.int(in: 1...6), c.int(in: 1...4))
            let point = c.doubles(d * (k + 2), in: -1...1)   // v, u, then k negatives, flattened
            func split(_ x: [Double]) -> ([Double], [Double], [[Double]]) {
                (Array(x[0..<d]), Array(x[d..<(2 * d)]), (0..<k).map { Array(x[((2 + $0) * d)..<((3 + $0) * d)]) })
            }
            let (v, u, n) = split(point)
            let r = skipGramLoss(centre: v, context: u, negatives: n)
            try c.expectGradient(of: { let (v, u, n) = split($0); return skipGramLoss(centre: v, context: u, negatives: n).loss },
                                 at: point, equals: r.dCentre + r.dContext + r.dNegatives.flatMap { $0 },
                                 "[dCentre, dContext, dNegatives] for dimension \(d), \(k) negatives")
        }
    }
    suite.check("the loss is the sum of logistic losses", zh: "損失是各個邏輯斯損失的總和") { c in
        let v = c.doubles(4), u = c.doubles(4), n = [c.doubles(4), c.doubles(4)]
        func logσ(_ s: Double) -> Double { -log(1 + exp(-s)) }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let expected = -logσ(dot(u, v)) - logσ(-dot(n[0], v)) - logσ(-dot(n[1], v))
        try c.expectClose(skipGramLoss(centre: v, context: u, negatives: n).loss, expected, atol: 1e-9, rtol: 1e-9, "loss")
    }
    suite.check("a small step against the gradient lowers the loss", zh: "沿梯度反方向走一小步會降低損失") { c in
        let v = c.doubles(5), u = c.doubles(5), n = [c.doubles(5)]
        let r = skipGramLoss(centre: v, context: u, negatives: n)
        let step = 0.1
        let after = skipGramLoss(centre: zip(v, r.dCentre).map { $0 - step * $1 }, context: zip(u, r.dContext).map { $0 - step * $1 },
                                 negatives: [zip(n[0], r.dNegatives[0]).map { $0 - step * $1 }]).loss
        try c.expect(after < r.loss, "loss went from \(r.loss) to \(after) after a step of 0.1 against your gradient")
    }
}
