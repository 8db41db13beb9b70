import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("answer is 42", zh: "答案是 42", points: 2) { c in try c.expectEqual(answer(), 42, "answer()") }
    suite.check("runs after the first check") { c in try c.expect(true, "unreachable") }
}
