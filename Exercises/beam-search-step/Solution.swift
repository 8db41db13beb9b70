import Foundation
import LLMCourseKit

// The reference answer, mirroring steps 1–2 of the course's beam search
// (Sources/Decoding/BeamSearch.swift, region "beam-search"): add each beam's score to its
// log-probabilities, flatten beam-major, and keep the best entries with Probabilities.topK.
struct Candidate: Equatable {
    let beam: Int
    let token: Int
    let score: Double
}

func bestContinuations(beamScores: [Double], logProbabilities: [[Double]], count: Int) -> [Candidate] {
    var totals: [Double] = []
    for (score, row) in zip(beamScores, logProbabilities) { totals += row.map { score + $0 } }
    let vocabulary = logProbabilities.first?.count ?? 1
    return Probabilities.topK(totals, count).map {
        Candidate(beam: $0.index / vocabulary, token: $0.index % vocabulary, score: $0.value)
    }
}
