// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("batchNormForward") { (x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float) in
        let r = batchNormForward(x, gamma: gamma, beta: beta, epsilon: epsilon)
        return WireTuple(r.y, r.mean, r.variance)
    }
    server.handle("batchNormBackward") { (x: [[Float]], gamma: [Float], g: [[Float]], epsilon: Float) in
        let r = batchNormBackward(x, gamma: gamma, upstream: g, epsilon: epsilon)
        return WireTuple(r.dx, r.dGamma, r.dBeta)
    }
}
#else
func batchNormForward(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (y: [[Float]], mean: [Float], variance: [Float]) {
    let r: WireTuple<[[Float]], [Float], [Float]> = learnerCall("batchNormForward", x, gamma, beta, epsilon)
    return (y: r.values.0, mean: r.values.1, variance: r.values.2)
}

func batchNormBackward(_ x: [[Float]], gamma: [Float], upstream g: [[Float]], epsilon: Float)
    -> (dx: [[Float]], dGamma: [Float], dBeta: [Float]) {
    let r: WireTuple<[[Float]], [Float], [Float]> = learnerCall("batchNormBackward", x, gamma, g, epsilon)
    return (dx: r.values.0, dGamma: r.values.1, dBeta: r.values.2)
}
#endif
