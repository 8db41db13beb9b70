// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("causalSoftmax") { (scores: [[Float]]) in causalSoftmax(scores) }
}
#else
func causalSoftmax(_ scores: [[Float]]) -> [[Float]] { learnerCall("causalSoftmax", scores) }
#endif
