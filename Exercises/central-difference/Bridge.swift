// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("centralDifferenceGradient") { (f: RemoteFunction<[Double], Double>, x: [Double], h: Double) in
        centralDifferenceGradient(of: f.call, at: x, h: h)
    }
}
#else
func centralDifferenceGradient(of f: ([Double]) -> Double, at x: [Double], h: Double = 1e-5) -> [Double] {
    withoutActuallyEscaping(f) { f in
        // The learner picks the points f is evaluated at: one of another size gets NaN
        // instead of reaching the checks' f, which indexes it.
        learnerCall("centralDifferenceGradient", Callback { (point: [Double]) in point.count == x.count ? f(point) : .nan }, x, h)
    }
}
#endif
