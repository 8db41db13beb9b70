import LLMCourseKit

// The reference answer: the library's greedy walk (Sources/Retrieval/Dense/GreedyWalk.swift,
// region "greedy"), which HNSWIndex runs on each upper layer.
func greedyPath(query: [Float], vectors: [[Float]], neighbors: [[Int]], start: Int) -> [Int] {
    GreedyWalk.path(from: start, neighbors: { neighbors[$0] }, similarity: { VectorMath.dot(query, vectors[$0]) }).path
}
