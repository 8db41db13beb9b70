// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("penalizedAdvantages") { (scores: [Double], policy: [Double], reference: [Double], beta: Double, groupSize: Int) in
        penalizedAdvantages(scores: scores, policyLogProbs: policy, referenceLogProbs: reference, beta: beta, groupSize: groupSize)
    }
}
#else
func penalizedAdvantages(scores: [Double], policyLogProbs: [Double], referenceLogProbs: [Double],
                         beta: Double, groupSize: Int) -> [Double] {
    learnerCall("penalizedAdvantages", scores, policyLogProbs, referenceLogProbs, beta, groupSize)
}
#endif
