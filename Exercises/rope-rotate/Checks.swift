import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: one pair turns by one radian", zh: "手算範例：一組座標旋轉一弧度") { c in
        // d = 2: θ₀ = 1, so at position 1 the vector [1, 0] turns by 1 radian.
        try c.expectClose(applyRoPE([1, 0], position: 1), [Float(Foundation.cos(1.0)), Float(Foundation.sin(1.0))],
                          "applyRoPE([1, 0], position: 1)")
    }
    suite.check("coordinate i is paired with i + d/2, not with its neighbor", zh: "座標 i 與 i + d/2 配對，而不是與相鄰的座標") { c in
        // d = 4: pair 0 is (x[0], x[2]) with θ₀ = 1; pair 1 is (x[1], x[3]) with θ₁ = 10000^(−1/2) = 0.01.
        let out = applyRoPE([1, 0, 0, 0], position: 1)
        try c.expectClose(out, [Float(Foundation.cos(1.0)), 0, Float(Foundation.sin(1.0)), 0], "applyRoPE([1, 0, 0, 0], position: 1)")
        let second = applyRoPE([0, 1, 0, 0], position: 100)
        try c.expectClose(second, [0, Float(Foundation.cos(1.0)), 0, Float(Foundation.sin(1.0))], atol: 1e-4, rtol: 1e-3,
                          "applyRoPE([0, 1, 0, 0], position: 100)")
    }
    suite.check("position 0 changes nothing and every rotation keeps the length", zh: "位置 0 不改變任何東西，每次旋轉都保持長度") { c in
        for _ in 0..<20 {
            let d = 2 * c.int(in: 1...16)
            let x = c.floats(d, in: -2...2)
            try c.expectClose(applyRoPE(x, position: 0), x, "applyRoPE(x, position: 0), d = \(d)")
            let out = applyRoPE(x, position: c.int(in: 1...300))
            try c.expectEqual(out.count, d, "size of the result")
            let length = { (v: [Float]) in v.map { $0 * $0 }.reduce(0, +).squareRoot() }
            try c.expectClose(length(out), length(x), atol: 1e-4, rtol: 1e-4, "length of the rotated vector")
        }
    }
    suite.check("the score q·k depends only on the offset between positions", zh: "分數 q·k 只取決於兩個位置之間的距離") { c in
        for _ in 0..<10 {
            let d = 2 * c.int(in: 1...16)
            let q = c.floats(d, in: -1...1), k = c.floats(d, in: -1...1)
            let offset = c.int(in: -8...8), m = c.int(in: 8...60), shift = c.int(in: 1...40)
            func score(_ m: Int, _ n: Int) -> Float {
                zip(applyRoPE(q, position: m), applyRoPE(k, position: n)).map(*).reduce(0, +)
            }
            let moved = zip(applyRoPE(q, position: m), q).map { abs($0 - $1) }.max() ?? 0
            try c.expect(moved > 1e-3, "applyRoPE(q, position: \(m)) returned q unchanged: a query away from position 0 must turn")
            try c.expectClose(score(m + shift, m + shift - offset), score(m, m - offset), atol: 1e-4, rtol: 1e-3,
                              "score at positions (\(m + shift), \(m + shift - offset)) vs (\(m), \(m - offset))")
        }
    }
    suite.check("position interpolation: factor s at position p is position p / s", zh: "位置內插：在位置 p 用係數 s，等於位置 p / s") { c in
        for _ in 0..<10 {
            let d = 2 * c.int(in: 1...16), s = c.pick([2, 4, 8])
            let x = c.floats(d, in: -2...2), p = s * c.int(in: 1...50)
            let moved = zip(applyRoPE(x, position: p, scalingFactor: Float(s)), x).map { abs($0 - $1) }.max() ?? 0
            try c.expect(moved > 1e-3, "applyRoPE(x, position: \(p), scalingFactor: \(s)) returned x unchanged")
            try c.expectClose(applyRoPE(x, position: p, scalingFactor: Float(s)), applyRoPE(x, position: p / s), atol: 1e-4, rtol: 1e-3,
                              "applyRoPE(x, position: \(p), scalingFactor: \(s))")
        }
    }
    suite.check("matches the library's RotaryEmbedding on random vectors", zh: "在隨機向量上與函式庫的 RotaryEmbedding 一致", points: 2) { c in
        for _ in 0..<30 {
            let d = 2 * c.int(in: 1...32), position = c.int(in: 0...200)
            let base: Float = c.pick([10_000, 500_000, 100])
            let scaling: Float = c.pick([1, 1, 2, 4])
            let x = c.floats(d, in: -2...2)
            let rope = RotaryEmbedding(headSize: d, base: base, scalingFactor: scaling)
            let expected = rope(Variable(Tensor(shape: [1, d], scalars: x)), offset: position).value.scalars
            try c.expectClose(applyRoPE(x, position: position, base: base, scalingFactor: scaling), expected, atol: 2e-4, rtol: 1e-3,
                              "applyRoPE(x, position: \(position), base: \(Int(base)), scalingFactor: \(Int(scaling))), d = \(d)")
        }
    }
}
