// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("filterNormalize") { (direction: [Float], weights: [Float], shape: [Int]) in
        filterNormalize(direction: direction, weights: weights, shape: shape)
    }
}
#else
func filterNormalize(direction: [Float], weights: [Float], shape: [Int]) -> [Float] {
    learnerCall("filterNormalize", direction, weights, shape)
}
#endif
