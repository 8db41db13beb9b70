import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("the worked group of three: R = [0.95, 0, 0.4], A = [0.75, −0.675, −0.075]", zh: "驗算三個答案的一組：R = [0.95, 0, 0.4]，A = [0.75, −0.675, −0.075]") { c in
        let a = penalizedAdvantages(scores: [1, 0, 0.5], policyLogProbs: [-2, -3, -1], referenceLogProbs: [-2.5, -3, -2], beta: 0.1, groupSize: 3)
        try c.expectClose(a, [0.75, -0.675, -0.075], atol: 1e-12, rtol: 0, "advantages")
    }
    suite.check("with β = 0 the advantages sum to zero in every group, and groups do not mix", zh: "β = 0 時每組的優勢總和為零，且各組互不混用") { c in
        let a = penalizedAdvantages(scores: [1, 0, 5, 7], policyLogProbs: [0, 0, 0, 0], referenceLogProbs: [0, 0, 0, 0], beta: 0, groupSize: 2)
        try c.expectClose(a, [1, -1, -2, 2], atol: 1e-12, rtol: 0, "two groups of two")
    }
    suite.check("a group of one answer has advantage 0", zh: "只有一個答案的組，優勢為 0") { c in
        let a = penalizedAdvantages(scores: [3, -1], policyLogProbs: [-1, -2], referenceLogProbs: [-3, -1], beta: 0.5, groupSize: 1)
        try c.expectClose(a, [0, 0], atol: 0, rtol: 0, "groups of one")
    }
    suite.check("matches the library on random batches", zh: "在隨機批次上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let groupSize = c.int(in: 1...6), groups = c.int(in: 1...5)
            let n = groupSize * groups
            let scores = c.doubles(n, in: -2...2), policy = c.doubles(n, in: -20...0), reference = c.doubles(n, in: -20...0)
            let beta = c.double(in: 0...0.5)
            let rewards = (0..<n).map { scores[$0] - PolicyGradient.klPenalty(policy: policy[$0], reference: reference[$0], coefficient: beta) }
            try c.expectClose(penalizedAdvantages(scores: scores, policyLogProbs: policy, referenceLogProbs: reference, beta: beta, groupSize: groupSize),
                              PolicyGradient.leaveOneOutAdvantages(rewards, groupSize: groupSize), atol: 1e-9, rtol: 1e-9,
                              "\(groups) groups of \(groupSize), β \(beta)")
        }
    }
}
