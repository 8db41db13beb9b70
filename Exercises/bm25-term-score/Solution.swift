import LLMCourseKit

// The reference answer: the library's BM25 (Sources/Retrieval/Sparse/BM25.swift, regions
// "idf" and "term-score").
func bm25TermScore(tf: Int, documentLength: Int, averageLength: Double, documentFrequency: Int,
                   documentCount: Int, k1: Double, b: Double) -> Double {
    BM25.termScore(count: tf, documentLength: documentLength, averageLength: averageLength,
                   idf: BM25.idf(documentFrequency: documentFrequency, documentCount: documentCount), k1: k1, b: b)
}
