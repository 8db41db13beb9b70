import LLMCourseKit

// The reference answer: steps 1–2 of the course's beam search, BeamContinuations.best
// (Sources/Decoding/BeamSearch.swift, region "beam-continuations"), as Candidates.
struct Candidate: Equatable {
    let beam: Int
    let token: Int
    let score: Double
}

func bestContinuations(beamScores: [Double], logProbabilities: [[Double]], count: Int) -> [Candidate] {
    BeamContinuations.best(beamScores: beamScores, logProbabilities: logProbabilities, count: count).map {
        Candidate(beam: $0.beam, token: $0.token, score: $0.total)
    }
}
