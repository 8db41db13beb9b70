// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("skipGramLoss") { (v: [Double], u: [Double], negatives: [[Double]]) in
        let r = skipGramLoss(centre: v, context: u, negatives: negatives)
        return WireTuple(r.loss, r.dCentre, r.dContext, r.dNegatives)
    }
}
#else
func skipGramLoss(centre v: [Double], context u: [Double], negatives: [[Double]])
    -> (loss: Double, dCentre: [Double], dContext: [Double], dNegatives: [[Double]]) {
    let r: WireTuple<Double, [Double], [Double], [[Double]]> = learnerCall("skipGramLoss", v, u, negatives)
    return (loss: r.values.0, dCentre: r.values.1, dContext: r.values.2, dNegatives: r.values.3)
}
#endif
