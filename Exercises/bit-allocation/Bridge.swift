// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("allocateBits") { (costs: [[Int]], errors: [[Double]], capacity: Int) in
        allocateBits(costs: costs, errors: errors, capacity: capacity)
    }
}
#else
func allocateBits(costs: [[Int]], errors: [[Double]], capacity: Int) -> [Int] {
    learnerCall("allocateBits", costs, errors, capacity)
}
#endif
