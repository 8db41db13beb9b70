import LLMCourseKit

/// The learner's value, or its error.
func outcome(_ text: String) -> Result<Double, CalculatorError> {
    do { return .success(try evaluateExpression(text)) } catch { return .failure(error) }
}

/// The library's value, or its error.
func libraryOutcome(_ text: String) -> Result<Double, CalculatorError> {
    do { return .success(try Calculator.evaluate(text)) } catch { return .failure(error) }
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("numbers, precedence and parentheses", zh: "數字、優先順序與括號") { c in
        let cases: [(String, Double)] = [("42", 42), ("2.5", 2.5), ("17*3+4", 55), ("2+3*4", 14), ("(2+3)*4", 20),
                                         ("8-3-2", 3), ("64/8/2", 4), (" 12 * 3 / 4 - 1 ", 8), ("-3*-(2+1)", 9), ("10/4", 2.5)]
        for (text, value) in cases { try c.expectEqual(outcome(text), .success(value), text) }
    }
    suite.check("division by zero is an error, not a crash", zh: "除以零是錯誤，不會當掉") { c in
        try c.expectEqual(outcome("7/0"), .failure(.divisionByZero), "7/0")
        try c.expectEqual(outcome("7/(3-3)"), .failure(.divisionByZero), "7/(3-3)")
    }
    suite.check("malformed expressions are errors", zh: "格式錯誤的算式是錯誤") { c in
        try c.expectEqual(outcome("2+"), .failure(.unexpectedEnd), "2+")
        try c.expectEqual(outcome("(2+3"), .failure(.unbalancedParenthesis), "(2+3")
        try c.expectEqual(outcome("2+3)"), .failure(.unbalancedParenthesis), "2+3)")
        for text in ["3 4", "2+*3", "x+1", "2^3", "__import__(\"os\")"] {
            switch outcome(text) {
            case .failure(.unexpectedToken), .failure(.unexpectedCharacter): break
            case let other: try c.expect(false, "\(text): expected an unexpected-token or -character error, got \(other)")
            }
        }
    }
    suite.check("matches the library on random expressions", zh: "在隨機算式上與函式庫一致", points: 2) { c in
        func expression(_ depth: Int) -> String {
            if depth == 0 || c.int(in: 0...9) < 3 { return String(c.int(in: 0...99)) }
            switch c.int(in: 0...9) {
            case 0: return "-" + expression(depth - 1)
            case 1, 2: return "(" + expression(depth - 1) + ")"
            default: return expression(depth - 1) + ["+", "-", "*", "/"][c.int(in: 0...3)] + expression(depth - 1)
            }
        }
        for _ in 0..<200 {
            let text = expression(4)
            switch (outcome(text), libraryOutcome(text)) {
            case (.success(let a), .success(let b)):
                try c.expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(text): \(a), expected \(b)")
            case (let a, let b): try c.expectEqual(a, b, text)
            }
        }
    }
}
