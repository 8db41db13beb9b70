import Foundation
import LLMCourseKit

// The reference answer, mirroring the course's TF-IDF
// (Sources/Demos/Fundamentals/TFIDF.swift, region "idf").
func inverseDocumentFrequency(_ documents: [[String]], vocabulary: [String]) -> [Double] {
    let n = Double(documents.count)
    return vocabulary.map { term in
        let df = Double(documents.filter { $0.contains(term) }.count)
        return df > 0 ? log(n / df) : 0
    }
}

func tfidf(_ document: [String], vocabulary: [String], idf: [Double]) -> [Double] {
    let length = Double(max(document.count, 1))
    return vocabulary.indices.map { t in
        Double(document.filter { $0 == vocabulary[t] }.count) / length * idf[t]
    }
}
