// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("matmul") { (a: [[Float]], b: [[Float]]) in matmul(a, b) }
}
#else
func matmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] { learnerCall("matmul", a, b) }
#endif
