import LLMCourseKit

/// The value of an arithmetic expression, computed by recursive descent:
///
///     expression = term { ("+" | "-") term }
///     term       = factor { ("*" | "/") factor }
///     factor     = "-" factor | number | "(" expression ")"
///     number     = digits [ "." digits ]
///
/// Spaces between tokens are skipped. Errors (a `CalculatorError`):
/// - division by a zero value: `.divisionByZero`
/// - the text ends where a factor should start (`2+`): `.unexpectedEnd`
/// - a `(` never closed, or a `)` with no `(` left to close: `.unbalancedParenthesis`
/// - any other text where it does not belong: `.unexpectedToken` or `.unexpectedCharacter`
///   (any of these two, at any position, is accepted)
func evaluateExpression(_ text: String) throws(CalculatorError) -> Double {
    // TODO: one function per rule of the grammar, sharing a position in `Array(text)`.
    return 0
}
