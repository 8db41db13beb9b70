// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("gruStep") { (x: [Double], h: [Double], weightIH: [[Double]], weightHH: [[Double]], biasIH: [Double], biasHH: [Double]) in
        gruStep(x: x, h: h, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH)
    }
}
#else
func gruStep(x: [Double], h: [Double], weightIH: [[Double]], weightHH: [[Double]], biasIH: [Double], biasHH: [Double]) -> [Double] {
    learnerCall("gruStep", x, h, weightIH, weightHH, biasIH, biasHH)
}
#endif
