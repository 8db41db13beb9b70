// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("applyRoPE") { (x: [Float], position: Int, base: Float, scalingFactor: Float) in
        applyRoPE(x, position: position, base: base, scalingFactor: scalingFactor)
    }
}
#else
func applyRoPE(_ x: [Float], position: Int, base: Float = 10_000, scalingFactor: Float = 1) -> [Float] {
    learnerCall("applyRoPE", x, position, base, scalingFactor)
}
#endif
