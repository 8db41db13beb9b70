// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("learningRate") { (step: Int, peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float) in
        learningRate(step: step, peak: peak, warmupSteps: warmupSteps, totalSteps: totalSteps, floor: floor)
    }
}
#else
func learningRate(step: Int, peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float) -> Float {
    learnerCall("learningRate", step, peak, warmupSteps, totalSteps, floor)
}
#endif
