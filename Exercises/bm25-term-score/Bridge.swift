// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("bm25TermScore") { (tf: Int, length: Int, average: Double, df: Int, n: Int, k1: Double, b: Double) in
        bm25TermScore(tf: tf, documentLength: length, averageLength: average, documentFrequency: df, documentCount: n, k1: k1, b: b)
    }
}
#else
func bm25TermScore(tf: Int, documentLength: Int, averageLength: Double, documentFrequency: Int,
                   documentCount: Int, k1: Double, b: Double) -> Double {
    learnerCall("bm25TermScore", tf, documentLength, averageLength, documentFrequency, documentCount, k1, b)
}
#endif
