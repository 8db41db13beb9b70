// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("passAtK") { (n: Int, correct: Int, k: Int) in passAtK(n: n, correct: correct, k: k) }
}
#else
func passAtK(n: Int, correct: Int, k: Int) -> Double { learnerCall("passAtK", n, correct, k) }
#endif
