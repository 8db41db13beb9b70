import LLMCourseKit

/// The indices of the `k` rows of `vectors` most similar to `query` by cosine similarity,
/// most similar first. Equal similarities: lower index first. A zero vector has similarity 0.
/// When `k` is larger than the number of vectors, return them all.
func cosineTopK(query: [Float], vectors: [[Float]], k: Int) -> [Int] {
    // TODO: cosine similarity of the query with every vector: dot / (‖q‖ · ‖v‖).
    // TODO: keep the k best, ordered by similarity (high first), then by index (low first).
    return []
}
