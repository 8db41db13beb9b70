import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example with two beams", zh: "兩條光束的手算範例") { c in
        // Beam 0 (score −1.0) and beam 1 (score −1.5), three tokens each.
        let out = bestContinuations(beamScores: [-1.0, -1.5],
                                    logProbabilities: [[-0.2, -1.7, -3.0], [-0.1, -0.4, -2.5]], count: 4)
        let expected = [Candidate(beam: 0, token: 0, score: -1.2), Candidate(beam: 1, token: 0, score: -1.6),
                        Candidate(beam: 1, token: 1, score: -1.9), Candidate(beam: 0, token: 1, score: -2.7)]
        try c.expectEqual(out.map(\.beam), expected.map(\.beam), "beams of the best 4")
        try c.expectEqual(out.map(\.token), expected.map(\.token), "tokens of the best 4")
        try c.expectClose(out.map(\.score), expected.map(\.score), atol: 1e-12, rtol: 0, "scores of the best 4")
    }
    suite.check("equal scores keep beam-major order", zh: "分數相同時依光束順序排列") { c in
        let out = bestContinuations(beamScores: [0, 0], logProbabilities: [[-1, -1], [-1, -1]], count: 3)
        try c.expectEqual(out.map { [$0.beam, $0.token] }, [[0, 0], [0, 1], [1, 0]], "(beam, token) of tied candidates")
    }
    suite.check("a beam with score −1e9 (not started yet) never wins", zh: "分數為 −1e9（尚未開始）的光束永遠不會勝出") { c in
        let out = bestContinuations(beamScores: [0, -1e9], logProbabilities: [[-2, -3, -4], [-0.1, -0.2, -0.3]], count: 3)
        try c.expect(out.allSatisfy { $0.beam == 0 }, "a continuation of the −1e9 beam was chosen")
    }
    suite.check("matches the library on random beams", zh: "在隨機光束上與函式庫一致", points: 2) { c in
        for _ in 0..<25 {
            let beams = c.int(in: 1...5), vocabulary = c.int(in: 2...30)
            let scores = c.doubles(beams, in: -10...0)
            let rows = (0..<beams).map { _ in c.doubles(vocabulary, in: -8...0) }
            let count = c.int(in: 1...(min(2 * beams, beams * vocabulary)))
            var totals: [Double] = []
            for (s, row) in zip(scores, rows) { totals += row.map { s + $0 } }
            let expected = Probabilities.topK(totals, count)
            let out = bestContinuations(beamScores: scores, logProbabilities: rows, count: count)
            try c.expectEqual(out.count, count, "number of candidates for \(beams) beams × \(vocabulary) tokens")
            try c.expectEqual(out.map { $0.beam * vocabulary + $0.token }, expected.map(\.index),
                              "flat indices b·V + t of the best \(count)")
            try c.expectClose(out.map(\.score), expected.map(\.value), atol: 1e-12, rtol: 0, "scores of the best \(count)")
        }
    }
}
