import Foundation
import LLMCourseKit

// The reference answer, with the library's own pieces: the causal mask and the softmax used
// by scaled dot-product attention (Sources/Transformers/Attention/ScaledDotProductAttention.swift,
// region "attention").
func causalSoftmax(_ scores: [[Float]]) -> [[Float]] {
    let t = scores.count
    guard t > 0 else { return [] }
    let masked = Variable(Tensor(scores)).maskedFill(keepWhere: causalMask(queryLength: t, keyLength: t), with: -.infinity)
    let flat = masked.softmax(axis: -1).value.scalars
    return (0..<t).map { i in Array(flat[(i * t)..<((i + 1) * t)]) }
}
