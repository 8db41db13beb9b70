// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
// A missing text travels as an empty list, a text as a list of one.
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("byteLevel") { (text: String) in byteLevel(text) }
    server.handle("decodeByteLevel") { (spelling: String) -> [String] in decodeByteLevel(spelling).map { [$0] } ?? [] }
}
#else
func byteLevel(_ text: String) -> String { learnerCall("byteLevel", text) }

func decodeByteLevel(_ spelling: String) -> String? {
    let r: [String] = learnerCall("decodeByteLevel", spelling)
    return r.first
}
#endif
