// What crosses between the checks and the learner's program.
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("answer") { () in answer() }
}
#else
func answer() -> Int { learnerCall("answer") }
#endif
