// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("allowedTokens") { (transitions: [[Int]], accepting: [Bool], state: Int, tokenBytes: [[UInt8]], endToken: Int) in
        allowedTokens(transitions: transitions, accepting: accepting, state: state, tokenBytes: tokenBytes, endToken: endToken)
    }
}
#else
func allowedTokens(transitions: [[Int]], accepting: [Bool], state: Int, tokenBytes: [[UInt8]], endToken: Int) -> [Bool] {
    learnerCall("allowedTokens", transitions, accepting, state, tokenBytes, endToken)
}
#endif
