import LLMCourseKit

// The reference answer: the library's projection (Sources/Security/Refusal/Abliteration.swift,
// region "project-out").
func projectOut(_ vectors: [[Float]], direction: [Float]) -> [[Float]] {
    Abliteration.projectOut(vectors, direction: direction)
}
