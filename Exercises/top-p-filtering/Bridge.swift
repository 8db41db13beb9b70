// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("topPFilter") { (scores: [Float], p: Float, minTokensToKeep: Int) in topPFilter(scores, p: p, minTokensToKeep: minTokensToKeep) }
}
#else
func topPFilter(_ scores: [Float], p: Float, minTokensToKeep: Int = 1) -> [Float] { learnerCall("topPFilter", scores, p, minTokensToKeep) }
#endif
