// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

/// An evaluation as a value that crosses the pipe: the number, or the error.
struct EvaluationOutcome: Codable {
    var value: Double?
    var error: CalculatorError?
}

#if LEARNER_SIDE
func serveCalls(_ server: LearnerServer) {
    server.handle("evaluateExpression") { (text: String) -> EvaluationOutcome in
        do { return EvaluationOutcome(value: try evaluateExpression(text)) } catch { return EvaluationOutcome(error: error) }
    }
}
#else
func evaluateExpression(_ text: String) throws(CalculatorError) -> Double {
    let outcome: EvaluationOutcome = learnerCall("evaluateExpression", text)
    if let error = outcome.error { throw error }
    return outcome.value ?? .nan
}
#endif
