import LLMCourseKit

// The reference answer: the library's top-k selection (Sources/Retrieval/Dense/TopK.swift,
// region "select") over its cosine similarity.
func cosineTopK(query: [Float], vectors: [[Float]], k: Int) -> [Int] {
    TopK.select(k, count: vectors.count) { Double(VectorMath.cosine(query, vectors[$0])) }.map(\.id)
}
