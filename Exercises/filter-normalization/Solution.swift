import LLMCourseKit

// The reference answer: the library's filter normalization
// (Sources/Transformers/Training/LossLandscape/FilterNormalizedDirection.swift, region "direction").
func filterNormalize(direction: [Float], weights: [Float], shape: [Int]) -> [Float] {
    FilterNormalizedDirection.normalize(Tensor(shape: shape, scalars: direction),
                                        like: Tensor(shape: shape, scalars: weights)).scalars
}
