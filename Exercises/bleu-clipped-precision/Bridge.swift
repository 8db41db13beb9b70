// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("clippedCounts") { (hypothesis: [String], references: [[String]], order: Int) in
        let r = clippedCounts(hypothesis: hypothesis, references: references, order: order)
        return WireTuple(r.matches, r.total)
    }
    server.handle("brevityPenalty") { (c: Int, lengths: [Int]) in brevityPenalty(hypothesisLength: c, referenceLengths: lengths) }
}
#else
func clippedCounts(hypothesis: [String], references: [[String]], order: Int) -> (matches: Int, total: Int) {
    let r: WireTuple<Int, Int> = learnerCall("clippedCounts", hypothesis, references, order)
    return (r.values.0, r.values.1)
}

func brevityPenalty(hypothesisLength c: Int, referenceLengths: [Int]) -> Double { learnerCall("brevityPenalty", c, referenceLengths) }
#endif
