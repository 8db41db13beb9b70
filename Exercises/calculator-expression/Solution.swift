import LLMCourseKit

// The reference answer: the library's calculator (Sources/Agents/Calculator.swift, region "grammar").
func evaluateExpression(_ text: String) throws(CalculatorError) -> Double {
    try Calculator.evaluate(text)
}
