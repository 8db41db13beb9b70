// What crosses between the checks and the learner's program (see Lessons/FORMAT.md, "Grading").
import LLMCourseKit

/// An evaluation as a value that crosses the pipe: the number, or the error.
struct EvaluationOutcome: Codable {
    var value: Double?
    var error: CalculatorError?
}

#if LEARNER_SIDE
func outcome(of text: String) -> EvaluationOutcome {
    do { return EvaluationOutcome(value: try evaluateExpression(text)) } catch { return EvaluationOutcome(error: error) }
}

func serveCalls(_ server: LearnerServer) {
    server.handle("evaluateExpression") { (text: String) in outcome(of: text) }
}
#else
func evaluateExpression(_ text: String) throws(CalculatorError) -> Double {
    let outcome: EvaluationOutcome = learnerCall("evaluateExpression", text)
    if let error = outcome.error { throw error }
    return outcome.value ?? .nan
}
#endif
