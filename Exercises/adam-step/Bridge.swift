// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("adamStep") { (theta: [Float], grad: [Float], m: [Float], v: [Float], step: Int, learningRate: Float,
                                 beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float, decoupled: Bool) in
        let r = adamStep(theta: theta, grad: grad, m: m, v: v, step: step, learningRate: learningRate, beta1: beta1,
                         beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, decoupled: decoupled)
        return WireTuple(r.theta, r.m, r.v)
    }
}
#else
func adamStep(theta: [Float], grad: [Float], m: [Float], v: [Float], step: Int,
              learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
              weightDecay: Float, decoupled: Bool) -> (theta: [Float], m: [Float], v: [Float]) {
    let r: WireTuple<[Float], [Float], [Float]> = learnerCall("adamStep", theta, grad, m, v, step, learningRate, beta1, beta2,
                                                              epsilon, weightDecay, decoupled)
    return (theta: r.values.0, m: r.values.1, v: r.values.2)
}
#endif
