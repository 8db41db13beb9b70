import LLMCourseKit

/// The DPO loss of one preference pair (the paper's sigmoid form) and its gradient with
/// respect to the policy's two log-probabilities.
///
///     z = (policyChosen − policyRejected) − (referenceChosen − referenceRejected)
///     L = −log σ(β·z)
///
/// Returns `L`, `∂L/∂policyChosen` and `∂L/∂policyRejected`. The reference is frozen: no
/// gradient for it. Compute `−log σ(u)` so that it stays finite for large |u|.
func dpoPairLoss(policyChosen: Double, policyRejected: Double, referenceChosen: Double, referenceRejected: Double,
                 beta: Double) -> (loss: Double, dPolicyChosen: Double, dPolicyRejected: Double) {
    // TODO: the margin z, the loss, then the chain rule through u = β·z.
    return (0, 0, 0)
}
