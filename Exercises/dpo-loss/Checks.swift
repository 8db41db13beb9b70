import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a pair the policy has not moved yet", zh: "策略尚未移動時的一組配對") { c in
        // Policy = reference: z = 0, L = log 2, ∂L/∂π_chosen = −β/2.
        let r = dpoPairLoss(policyChosen: -3, policyRejected: -4, referenceChosen: -3, referenceRejected: -4, beta: 0.1)
        try c.expectClose(r.loss, Foundation.log(2), "loss at z = 0")
        try c.expectClose(r.dPolicyChosen, -0.05, "∂L/∂policyChosen at z = 0")
        try c.expectClose(r.dPolicyRejected, 0.05, "∂L/∂policyRejected at z = 0")
    }
    suite.check("matches the library on random pairs", zh: "在隨機配對上與函式庫一致", points: 2) { c in
        for _ in 0..<30 {
            let v = c.doubles(4, in: -30...(-0.5)), beta = c.double(in: 0.05...1)
            let z = (v[0] - v[1]) - (v[2] - v[3])
            let reference = DPOLoss.loss(margin: z, beta: beta, type: .sigmoid())
            let mine = dpoPairLoss(policyChosen: v[0], policyRejected: v[1], referenceChosen: v[2], referenceRejected: v[3], beta: beta)
            try c.expectClose(mine.loss, reference.value, "loss at z = \(z), β = \(beta)")
            try c.expectClose(mine.dPolicyChosen, reference.derivative, "∂L/∂policyChosen at z = \(z)")
            try c.expectClose(mine.dPolicyRejected, -reference.derivative, "∂L/∂policyRejected at z = \(z)")
        }
    }
    suite.check("gradient agrees with finite differences", zh: "梯度與有限差分一致") { c in
        let v = c.doubles(4, in: -10...(-1)), beta = 0.5
        let analytic = dpoPairLoss(policyChosen: v[0], policyRejected: v[1], referenceChosen: v[2], referenceRejected: v[3], beta: beta)
        try c.expectGradient(of: { p in
            dpoPairLoss(policyChosen: p[0], policyRejected: p[1], referenceChosen: v[2], referenceRejected: v[3], beta: beta).loss
        }, at: [v[0], v[1]], equals: [analytic.dPolicyChosen, analytic.dPolicyRejected], "(∂L/∂policyChosen, ∂L/∂policyRejected)")
    }
    suite.check("stays finite for large margins", zh: "差距很大時仍保持有限值") { c in
        let far = dpoPairLoss(policyChosen: -1, policyRejected: -2000, referenceChosen: -1000, referenceRejected: -1000, beta: 1)
        try c.expect(far.loss.isFinite && far.loss >= 0 && far.loss < 1e-6, "loss for z = +1999 should be ≈ 0, got \(far.loss)")
        let wrong = dpoPairLoss(policyChosen: -2000, policyRejected: -1, referenceChosen: -1000, referenceRejected: -1000, beta: 1)
        try c.expectClose(wrong.loss, 1999, rtol: 1e-9, "loss for z = −1999")
        try c.expectClose(wrong.dPolicyChosen, -1, "∂L/∂policyChosen for z = −1999")
    }
}
