import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a product hands each input the other factor", zh: "乘法把另一個因子交給每個輸入") { c in
        let a = Value(3), b = Value(-2)
        (a * b).backward()
        try c.expectClose(a.grad, -2, "∂(a·b)/∂a with a = 3, b = −2")
        try c.expectClose(b.grad, 3, "∂(a·b)/∂b with a = 3, b = −2")
    }
    suite.check("tanh passes on 1 − tanh²", zh: "tanh 往回傳遞 1 − tanh²") { c in
        for _ in 0..<10 {
            let x = c.double(in: -3...3)
            let v = Value(x)
            v.tanh().backward()
            try c.expectClose(v.grad, 1 - tanh(x) * tanh(x), atol: 1e-12, rtol: 1e-9, "∂tanh(x)/∂x at x = \(x)")
        }
    }
    suite.check("a value used twice collects both contributions", zh: "用了兩次的值會累加兩份貢獻") { c in
        let a = Value(c.double(in: 0.5...2))
        (a * a).backward()
        try c.expectClose(a.grad, 2 * a.data, "∂(a·a)/∂a")
    }
    suite.check("a neuron's gradients match finite differences", zh: "神經元的梯度與有限差分一致", points: 2) { c in
        func neuron(_ p: [Value]) -> Value { (p[0] * p[1] + p[2] * p[3] + p[4]).tanh() }
        for _ in 0..<10 {
            let point = c.doubles(5, in: -1.5...1.5)
            let leaves = point.map { Value($0) }
            neuron(leaves).backward()
            try c.expectGradient(of: { neuron($0.map { Value($0) }).data }, at: point, equals: leaves.map(\.grad),
                                 "gradient of tanh(x1·w1 + x2·w2 + b) with respect to [x1, w1, x2, w2, b]")
        }
    }
    suite.check("agrees with the tensor autograd on a deeper graph", zh: "在較深的計算圖上與張量自動微分一致") { c in
        let point = c.doubles(3, in: -1...1)
        let v = point.map { Value($0) }
        ((v[0] * v[1]).tanh() * v[2] + v[0]).tanh().backward()
        let t = point.map { Variable(Tensor([Float($0)]), requiresGrad: true) }
        ((t[0] * t[1]).tanh() * t[2] + t[0]).tanh().sum().backward()
        try c.expectClose(v.map(\.grad), t.map { Double($0.grad?.scalars[0] ?? .nan) }, atol: 1e-5, rtol: 1e-4,
                          "gradients of tanh(tanh(a·b)·c + a)")
    }
}
