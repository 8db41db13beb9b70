import LLMCourseKit

// The reference answer: the course library's TF-IDF (Sources/Fundamentals/TFIDF.swift, region
// "idf"), on bag-of-words counts over the vocabulary the exercise gives.
func inverseDocumentFrequency(_ documents: [[String]], vocabulary: [String]) -> [Double] {
    TFIDF.inverseDocumentFrequency(counts: documents.map { TFIDF.bagOfWords($0, vocabulary: vocabulary) })
}

func tfidf(_ document: [String], vocabulary: [String], idf: [Double]) -> [Double] {
    TFIDF.weights(counts: TFIDF.bagOfWords(document, vocabulary: vocabulary), length: Double(document.count), idf: idf)
}
