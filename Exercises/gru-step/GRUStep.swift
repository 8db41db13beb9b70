import Foundation
import LLMCourseKit

/// One step of a GRU cell (PyTorch's `GRUCell` convention), for input x [I] and state h [H]:
///
///     r  = σ(W_ir·x + b_ir + W_hr·h + b_hr)
///     z  = σ(W_iz·x + b_iz + W_hz·h + b_hz)
///     n  = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn))
///     h′ = (1 − z) ⊙ n + z ⊙ h
///
/// `weightIH` is [3H][I] and `weightHH` [3H][H]: rows 0..<H belong to r, H..<2H to z and
/// 2H..<3H to n; `biasIH` and `biasHH` [3H] are split the same way. Returns h′ [H].
func gruStep(x: [Double], h: [Double], weightIH: [[Double]], weightHH: [[Double]], biasIH: [Double], biasHH: [Double]) -> [Double] {
    // TODO: compute W_ih·x + b_ih and W_hh·h + b_hh, split them in three, apply the gates.
    return h.map { _ in 0 }
}
