// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("greedyPath") { (query: [Float], vectors: [[Float]], neighbors: [[Int]], start: Int) in
        greedyPath(query: query, vectors: vectors, neighbors: neighbors, start: start)
    }
}
#else
func greedyPath(query: [Float], vectors: [[Float]], neighbors: [[Int]], start: Int) -> [Int] {
    learnerCall("greedyPath", query, vectors, neighbors, start)
}
#endif
