// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("cosineTopK") { (query: [Float], vectors: [[Float]], k: Int) in cosineTopK(query: query, vectors: vectors, k: k) }
}
#else
func cosineTopK(query: [Float], vectors: [[Float]], k: Int) -> [Int] { learnerCall("cosineTopK", query, vectors, k) }
#endif
