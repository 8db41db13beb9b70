// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("chunk") { (text: String, size: Int, overlap: Int) in chunk(text, size: size, overlap: overlap) }
}
#else
func chunk(_ text: String, size: Int, overlap: Int) -> [String] { learnerCall("chunk", text, size, overlap) }
#endif
