import Foundation
import LLMCourseKit

/// One query term's BM25 contribution to one document's score (the Lucene variant):
///
///     idf(t)   = ln((N − df + 0.5) / (df + 0.5) + 1)
///     score    = idf(t) · tf / (tf + k1 · (1 − b + b · |d| / avgdl))
///
/// `tf` is how often the term occurs in the document, `documentLength` is |d|, `averageLength`
/// avgdl, `documentFrequency` df (documents containing the term), `documentCount` N.
/// A term that does not occur in the document (tf = 0) contributes 0.
func bm25TermScore(tf: Int, documentLength: Int, averageLength: Double, documentFrequency: Int,
                   documentCount: Int, k1: Double, b: Double) -> Double {
    // TODO: the idf of the term.
    // TODO: the length normalization 1 − b + b · |d| / avgdl, then the saturated term frequency.
    return 0
}
