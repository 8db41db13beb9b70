import Foundation
import LLMCourseKit

/// One candidate continuation: which beam it extends, with which token, and its total score.
struct Candidate: Equatable {
    let beam: Int
    let token: Int
    let score: Double
}

/// The candidate step of beam search: every beam `b` (total log-probability `beamScores[b]`)
/// can be extended by every token `t` (log-probability `logProbabilities[b][t]`), giving the
/// score `beamScores[b] + logProbabilities[b][t]`. Return the best `count` of these
/// continuations, highest score first; on equal scores, the smaller `b · V + t` comes first
/// (`V` = number of tokens).
func bestContinuations(beamScores: [Double], logProbabilities: [[Double]], count: Int) -> [Candidate] {
    // TODO: score every (beam, token) pair, sort them, keep the first `count`.
    return []
}
