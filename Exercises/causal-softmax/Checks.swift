import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: the first query sees only itself", zh: "手算範例：第一個查詢只看得到自己") { c in
        try c.expectClose(causalSoftmax([[1, 5], [0, 0]]), [[1, 0], [0.5, 0.5]], "causalSoftmax([[1, 5], [0, 0]])")
    }
    suite.check("a worked example: future scores never matter", zh: "手算範例：未來位置的分數從不影響結果") { c in
        // Row 2: softmax([0, ln 3]) = [0.25, 0.75]; the huge future scores are masked.
        let ln3 = Float(Foundation.log(3.0))
        try c.expectClose(causalSoftmax([[2, 100, 100], [0, ln3, 100], [0, 0, 0]]),
                          [[1, 0, 0], [0.25, 0.75, 0], [1.0 / 3, 1.0 / 3, 1.0 / 3]], "causalSoftmax(3×3 example)")
    }
    suite.check("large scores do not overflow", zh: "很大的分數不會溢位") { c in
        let out = causalSoftmax([[1000, 0], [1000, 999]])
        try c.expect(out.joined().allSatisfy(\.isFinite), "causalSoftmax([[1000, 0], [1000, 999]]) has NaN or infinity: \(out)")
        try c.expectClose(out, [[1, 0], [0.7310586, 0.26894143]], "causalSoftmax([[1000, 0], [1000, 999]])")
    }
    suite.check("rows sum to 1 and the future gets zero weight", zh: "每一列總和為 1，未來位置的權重為零") { c in
        for _ in 0..<20 {
            let t = c.int(in: 1...12)
            let scores = (0..<t).map { _ in c.normals(t, std: 3) }
            let out = causalSoftmax(scores)
            try c.expectEqual(out.count, t, "number of rows")
            for (i, row) in out.enumerated() {
                try c.expectEqual(row.count, t, "length of row \(i)")
                try c.expectClose(row.reduce(0, +), 1, atol: 1e-5, rtol: 0, "sum of row \(i)")
                try c.expect(row[(i + 1)...].allSatisfy { $0 == 0 }, "row \(i) gives weight to a later key: \(row)")
            }
        }
    }
    suite.check("matches the library's attention weights on random queries and keys", zh: "在隨機查詢與鍵上與函式庫的注意力權重一致", points: 2) { c in
        for _ in 0..<20 {
            let (t, d) = (c.int(in: 1...10), c.int(in: 1...8))
            let q = c.tensor([1, 1, t, d], in: -2...2), k = c.tensor([1, 1, t, d], in: -2...2)
            let scale = 1 / Float(d).squareRoot()
            let scores = (0..<t).map { i in
                (0..<t).map { j in (0..<d).map { q.scalars[i * d + $0] * k.scalars[j * d + $0] }.reduce(0, +) * scale }
            }
            let expected = attentionWithWeights(query: Variable(q), key: Variable(k), value: Variable(k)).weights.value.scalars
            try c.expectClose(causalSoftmax(scores).flatMap { $0 }, expected, shape: [t, t], "causalSoftmax(Q·Kᵀ/√\(d)), T = \(t)")
        }
    }
}
