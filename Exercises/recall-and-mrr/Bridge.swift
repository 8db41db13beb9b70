// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("recallAtK") { (ranked: [Int], relevant: Set<Int>, k: Int) in recallAtK(ranked: ranked, relevant: relevant, k: k) }
    server.handle("meanReciprocalRank") { (rankings: [[Int]], relevant: [Set<Int>]) in meanReciprocalRank(rankings: rankings, relevant: relevant) }
}
#else
func recallAtK(ranked: [Int], relevant: Set<Int>, k: Int) -> Double { learnerCall("recallAtK", ranked, relevant, k) }

func meanReciprocalRank(rankings: [[Int]], relevant: [Set<Int>]) -> Double { learnerCall("meanReciprocalRank", rankings, relevant) }
#endif
