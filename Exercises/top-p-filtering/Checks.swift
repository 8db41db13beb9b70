import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: p = 0.5 keeps only the top token", zh: "手算範例：p = 0.5 只留下機率最高的詞元") { c in
        // softmax([2, 1, 0, −1]) ≈ [0.644, 0.237, 0.087, 0.032]; the three smaller add up to 0.356 ≤ 0.5.
        try c.expectClose(topPFilter([2, 1, 0, -1], p: 0.5), [2, -.infinity, -.infinity, -.infinity], "topPFilter([2, 1, 0, −1], p: 0.5)")
    }
    suite.check("a worked example: p = 0.9 keeps three tokens, in their original places", zh: "手算範例：p = 0.9 留下三個詞元，且位置不變") { c in
        try c.expectClose(topPFilter([0, -1, 2, 1], p: 0.9), [0, -.infinity, 2, 1], "topPFilter([0, −1, 2, 1], p: 0.9)")
    }
    suite.check("minTokensToKeep is respected", zh: "遵守 minTokensToKeep") { c in
        let out = topPFilter([5, 0, 0, 0, -3], p: 0.1, minTokensToKeep: 3)
        try c.expectEqual(out.filter(\.isFinite).count, 3, "tokens kept by topPFilter([5, 0, 0, 0, −3], p: 0.1, minTokensToKeep: 3)")
    }
    suite.check("the kept tokens hold more than p of the probability", zh: "留下的詞元機率總和超過 p") { c in
        for _ in 0..<20 {
            let scores = c.normals(c.int(in: 2...40), std: 2)
            let p = c.float(in: 0.05...0.99)
            let out = topPFilter(scores, p: p)
            let probabilities = Probabilities.softmax(scores)
            let kept = scores.indices.filter { out[$0].isFinite }
            try c.expect(!kept.isEmpty, "topPFilter filtered every token (p = \(p))")
            try c.expect(kept.map { probabilities[$0] }.reduce(0, +) >= Double(p) - 1e-6,
                         "the kept tokens hold less than p = \(p) of the probability")
            let smallestKept = kept.map { scores[$0] }.min()!
            try c.expect(scores.indices.allSatisfy { out[$0].isFinite || scores[$0] <= smallestKept },
                         "a token was filtered while a less likely one was kept")
        }
    }
    suite.check("matches the library on random scores", zh: "在隨機分數上與函式庫一致", points: 2) { c in
        for _ in 0..<40 {
            let n = c.int(in: 1...60)
            var scores = c.normals(n, std: 2)
            if c.bool() && n > 2 { scores[c.int(in: 0...(n - 1))] = -.infinity }  // already filtered by an earlier step
            let p = c.pick([0.1, 0.3, 0.5, 0.8, 0.9, 0.95, 1.0] as [Float])
            let keep = c.int(in: 1...3)
            let expected = LogitsPipeline([TopP(p, minTokensToKeep: keep)])(scores)
            try c.expectClose(topPFilter(scores, p: p, minTokensToKeep: keep), expected, atol: 0, rtol: 0,
                              "topPFilter(\(n) scores, p: \(p), minTokensToKeep: \(keep))")
        }
    }
}
