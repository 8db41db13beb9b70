// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("requestTiming") { (start: Double, tokenTimes: [Double], end: Double) in
        requestTiming(start: start, tokenTimes: tokenTimes, end: end)
    }
}
#else
func requestTiming(start: Double, tokenTimes: [Double], end: Double) -> RequestTiming? {
    learnerCall("requestTiming", start, tokenTimes, end)
}
#endif
