// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("bigramPerplexity") { (train: String, test: String, k: Double) in bigramPerplexity(train: train, test: test, k: k) }
}
#else
func bigramPerplexity(train: String, test: String, k: Double) -> Double { learnerCall("bigramPerplexity", train, test, k) }
#endif
