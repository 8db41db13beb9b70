import LLMCourseKit

// The reference answer: the course library's DPO loss (Sources/Alignment/DPOLoss.swift,
// region "dpo-loss"), sigmoid type without label smoothing.
func dpoPairLoss(policyChosen: Double, policyRejected: Double, referenceChosen: Double, referenceRejected: Double,
                 beta: Double) -> (loss: Double, dPolicyChosen: Double, dPolicyRejected: Double) {
    let z = (policyChosen - policyRejected) - (referenceChosen - referenceRejected)
    let (value, derivative) = DPOLoss.loss(margin: z, beta: beta, type: .sigmoid())
    return (value, derivative, -derivative)
}
