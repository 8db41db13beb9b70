// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("acceptanceProbability") { (x: Int, p: [Double], q: [Double]) in acceptanceProbability(token: x, target: p, draft: q) }
    server.handle("residualDistribution") { (p: [Double], q: [Double]) in residualDistribution(target: p, draft: q) }
}
#else
func acceptanceProbability(token x: Int, target p: [Double], draft q: [Double]) -> Double {
    learnerCall("acceptanceProbability", x, p, q)
}

func residualDistribution(target p: [Double], draft q: [Double]) -> [Double] { learnerCall("residualDistribution", p, q) }
#endif
