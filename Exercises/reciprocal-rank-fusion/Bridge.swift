// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("reciprocalRankFusion") { (rankings: [[Int]], k: Double) in reciprocalRankFusion(rankings, k: k) }
}
#else
func reciprocalRankFusion(_ rankings: [[Int]], k: Double) -> [Int] { learnerCall("reciprocalRankFusion", rankings, k) }
#endif
