import LLMCourseKit

// The reference answer: the library's fusion (Sources/Retrieval/Hybrid/ReciprocalRankFusion.swift,
// region "fuse").
func reciprocalRankFusion(_ rankings: [[Int]], k: Double) -> [Int] {
    ReciprocalRankFusion.fuse(rankings, k: k).map(\.id)
}
