// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("spectralScores") { (representations: [[Double]]) in spectralScores(representations) }
}
#else
func spectralScores(_ representations: [[Double]]) -> [Double] { learnerCall("spectralScores", representations) }
#endif
