// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("softmaxStep") { (weights: [[Double]], biases: [Double], rows: [[Double]], labels: [Int], rate: Double, l2: Double) in
        let r = softmaxStep(weights: weights, biases: biases, rows: rows, labels: labels, learningRate: rate, l2: l2)
        return WireTuple(r.weights, r.biases, r.loss)
    }
}
#else
func softmaxStep(weights: [[Double]], biases: [Double], rows: [[Double]], labels: [Int],
                 learningRate: Double, l2: Double) -> (weights: [[Double]], biases: [Double], loss: Double) {
    let r: WireTuple<[[Double]], [Double], Double> = learnerCall("softmaxStep", weights, biases, rows, labels, learningRate, l2)
    return (r.values.0, r.values.1, r.values.2)
}
#endif
