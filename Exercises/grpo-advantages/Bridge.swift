// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("groupNormalizedAdvantages") { (rewards: [Double], groupSize: Int, epsilon: Double) in
        groupNormalizedAdvantages(rewards, groupSize: groupSize, epsilon: epsilon)
    }
}
#else
func groupNormalizedAdvantages(_ rewards: [Double], groupSize: Int, epsilon: Double = 1e-4) -> [Double] {
    learnerCall("groupNormalizedAdvantages", rewards, groupSize, epsilon)
}
#endif
