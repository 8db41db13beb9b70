// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("projectOut") { (vectors: [[Float]], direction: [Float]) in
        projectOut(vectors, direction: direction)
    }
}
#else
func projectOut(_ vectors: [[Float]], direction: [Float]) -> [[Float]] {
    learnerCall("projectOut", vectors, direction)
}
#endif
