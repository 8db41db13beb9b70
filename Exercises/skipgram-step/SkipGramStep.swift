import Foundation
import LLMCourseKit

/// The skip-gram negative-sampling loss for one (center, context) pair and its gradients:
///
///     L = −log σ(u·v) − Σₖ log σ(−nₖ·v)        σ(s) = 1 / (1 + e⁻ˢ)
///
/// `v` is the center word's input vector, `u` the context word's output vector and each `nₖ`
/// a negative sample's output vector, all of the same length.
func skipGramLoss(centre v: [Double], context u: [Double], negatives: [[Double]])
    -> (loss: Double, dCentre: [Double], dContext: [Double], dNegatives: [[Double]]) {
    // TODO: for a score s with label y (1 for the context, 0 for a negative), ∂L/∂s = σ(s) − y.
    return (0, v.map { _ in 0 }, u.map { _ in 0 }, negatives.map { $0.map { _ in 0 } })
}
