// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

/// A parse result as a value that crosses the pipe: the call, or the error.
struct ParseOutcome: Codable, Equatable {
    var call: ToolCall?
    var error: ToolCallError?

    init(_ result: Result<ToolCall, ToolCallError>) {
        switch result {
        case .success(let call): self.call = call
        case .failure(let error): self.error = error
        }
    }

    var result: Result<ToolCall, ToolCallError> { call.map { .success($0) } ?? .failure(error ?? .notAnAction) }
}

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("parseAction") { (line: String, known: [String]) in ParseOutcome(parseAction(line, known: known)) }
}
#else
func parseAction(_ line: String, known: [String]) -> Result<ToolCall, ToolCallError> {
    (learnerCall("parseAction", line, known) as ParseOutcome).result
}
#endif
