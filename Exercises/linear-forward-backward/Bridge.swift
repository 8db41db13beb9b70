// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("linearForward") { (x: [[Float]], weight: [[Float]], bias: [Float]) in linearForward(x, weight: weight, bias: bias) }
    server.handle("linearBackward") { (x: [[Float]], weight: [[Float]], g: [[Float]]) in
        let r = linearBackward(x, weight: weight, upstream: g)
        return WireTuple(r.dx, r.dWeight, r.dBias)
    }
}
#else
func linearForward(_ x: [[Float]], weight: [[Float]], bias: [Float]) -> [[Float]] { learnerCall("linearForward", x, weight, bias) }

func linearBackward(_ x: [[Float]], weight: [[Float]], upstream g: [[Float]])
    -> (dx: [[Float]], dWeight: [[Float]], dBias: [Float]) {
    let r: WireTuple<[[Float]], [[Float]], [Float]> = learnerCall("linearBackward", x, weight, g)
    return (dx: r.values.0, dWeight: r.values.1, dBias: r.values.2)
}
#endif
