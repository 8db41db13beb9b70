import Foundation
import LLMCourseKit

// The reference answer is the library's rotation itself: RotaryEmbedding in
// Sources/Transformers/Attention/RotaryEmbedding.swift (regions "angles" and "rope"),
// applied to one row of length d at the given position.
func applyRoPE(_ x: [Float], position: Int, base: Float = 10_000, scalingFactor: Float = 1) -> [Float] {
    let rope = RotaryEmbedding(headSize: x.count, base: base, scalingFactor: scalingFactor)
    return rope(Variable(Tensor(shape: [1, x.count], scalars: x)), offset: position).value.scalars
}
