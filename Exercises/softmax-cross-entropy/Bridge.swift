// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("softmax") { (z: [Double]) in softmax(z) }
    server.handle("crossEntropy") { (logits: [[Double]], labels: [Int]) in
        let r = crossEntropy(logits: logits, labels: labels)
        return WireTuple(r.loss, r.gradient)
    }
}
#else
func softmax(_ z: [Double]) -> [Double] { learnerCall("softmax", z) }

func crossEntropy(logits: [[Double]], labels: [Int]) -> (loss: Double, gradient: [[Double]]) {
    let r: WireTuple<Double, [[Double]]> = learnerCall("crossEntropy", logits, labels)
    return (loss: r.values.0, gradient: r.values.1)
}
#endif
