// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("quantile") { (x: [Double], q: Double) in quantile(x, q) }
    server.handle("bootstrapInterval") { (x: [Double], level: Double, resamples: Int, seed: UInt64) in
        bootstrapInterval(x, level: level, resamples: resamples, seed: seed)
    }
}
#else
func quantile(_ x: [Double], _ q: Double) -> Double { learnerCall("quantile", x, q) }

func bootstrapInterval(_ x: [Double], level: Double, resamples: Int, seed: UInt64) -> [Double] {
    learnerCall("bootstrapInterval", x, level, resamples, seed)
}
#endif
