// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("bestContinuations") { (beamScores: [Double], logProbabilities: [[Double]], count: Int) in
        bestContinuations(beamScores: beamScores, logProbabilities: logProbabilities, count: count)
            .map { WireTuple($0.beam, $0.token, $0.score) }
    }
}
#else
/// The checks' own copy of the learner's type: candidates come back as (beam, token, score).
struct Candidate: Equatable {
    let beam: Int
    let token: Int
    let score: Double
}

func bestContinuations(beamScores: [Double], logProbabilities: [[Double]], count: Int) -> [Candidate] {
    let r: [WireTuple<Int, Int, Double>] = learnerCall("bestContinuations", beamScores, logProbabilities, count)
    return r.map { Candidate(beam: $0.values.0, token: $0.values.1, score: $0.values.2) }
}
#endif
