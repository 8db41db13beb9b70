// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("dpoPairLoss") { (policyChosen: Double, policyRejected: Double, referenceChosen: Double, referenceRejected: Double, beta: Double) in
        let r = dpoPairLoss(policyChosen: policyChosen, policyRejected: policyRejected, referenceChosen: referenceChosen,
                            referenceRejected: referenceRejected, beta: beta)
        return WireTuple(r.loss, r.dPolicyChosen, r.dPolicyRejected)
    }
}
#else
func dpoPairLoss(policyChosen: Double, policyRejected: Double, referenceChosen: Double, referenceRejected: Double,
                 beta: Double) -> (loss: Double, dPolicyChosen: Double, dPolicyRejected: Double) {
    let r: WireTuple<Double, Double, Double> = learnerCall("dpoPairLoss", policyChosen, policyRejected, referenceChosen,
                                                           referenceRejected, beta)
    return (loss: r.values.0, dPolicyChosen: r.values.1, dPolicyRejected: r.values.2)
}
#endif
