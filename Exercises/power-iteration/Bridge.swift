// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("powerIteration") { (a: [[Double]], start: [Double], iterations: Int) in
        powerIteration(a, start: start, iterations: iterations)
    }
    server.handle("rayleighQuotient") { (a: [[Double]], v: [Double]) in rayleighQuotient(a, v) }
    server.handle("deflate") { (a: [[Double]], value: Double, vector: [Double]) in deflate(a, value: value, vector: vector) }
}
#else
func powerIteration(_ a: [[Double]], start: [Double], iterations: Int) -> [Double] {
    learnerCall("powerIteration", a, start, iterations)
}

func rayleighQuotient(_ a: [[Double]], _ v: [Double]) -> Double { learnerCall("rayleighQuotient", a, v) }

func deflate(_ a: [[Double]], value: Double, vector: [Double]) -> [[Double]] { learnerCall("deflate", a, value, vector) }
#endif
