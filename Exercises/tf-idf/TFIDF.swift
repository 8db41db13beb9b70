import Foundation
import LLMCourseKit

/// `idf(t) = ln(N / df(t))` for every term of `vocabulary`, in order, where `N` is the number
/// of documents and `df(t)` the number of documents containing `t` at least once.
/// A term that no document contains gets 0.
func inverseDocumentFrequency(_ documents: [[String]], vocabulary: [String]) -> [Double] {
    // TODO: count, for each term, the documents that contain it.
    return vocabulary.map { _ in 0 }
}

/// The TF-IDF vector of one document, one entry per vocabulary term:
/// `tf(t, d) · idf(t)` with `tf(t, d) = count of t in d / number of words in d`.
func tfidf(_ document: [String], vocabulary: [String], idf: [Double]) -> [Double] {
    // TODO: term frequency times inverse document frequency.
    return vocabulary.map { _ in 0 }
}
