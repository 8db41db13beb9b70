import Foundation
import Testing
import Tensors
@testable import Agents

@Suite struct CalculatorTests {
    @Test func precedenceParenthesesAndAssociativity() throws {
        #expect(try Calculator.evaluate("17*3+4") == 55)
        #expect(try Calculator.evaluate("2+3*4") == 14)
        #expect(try Calculator.evaluate("(2+3)*4") == 20)
        #expect(try Calculator.evaluate("8-3-2") == 3)
        #expect(try Calculator.evaluate("64/8/2") == 4)
        #expect(try Calculator.evaluate("-3*-(2+1)") == 9)
        #expect(try Calculator.evaluate(" 12 × 3 ÷ 4 − 1 ") == 8)
        #expect(try Calculator.evaluate("2.5*4") == 10)
    }

    @Test func formatsIntegersWithoutAPoint() throws {
        #expect(try Calculator().run("17*3+4") == "55")
        #expect(try Calculator().run("5/2") == "2.5")
        #expect(try Calculator().run("1/3") == "0.333333")
        #expect(try Calculator().run("-7") == "-7")
    }

    @Test(arguments: [
        ("7/0", CalculatorError.divisionByZero),
        ("7/(3-3)", .divisionByZero),
        ("2+", .unexpectedEnd),
        ("(2+3", .unbalancedParenthesis),
        ("2+3)", .unbalancedParenthesis),
        ("3 4", .unexpectedToken("4", position: 2)),
        ("2+*3", .unexpectedToken("*", position: 2)),
        ("2^3", .unexpectedToken("^", position: 1)),
        ("x+1", .unexpectedCharacter("x", position: 0)),
        ("import os", .unexpectedCharacter("i", position: 0)),
    ])
    func reportsErrors(_ text: String, _ error: CalculatorError) {
        #expect(throws: error) { try Calculator.evaluate(text) }
    }

    @Test func refusesDeepNestingAndLongInput() {
        #expect(throws: CalculatorError.tooComplex) { try Calculator.evaluate(String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40)) }
        #expect(throws: CalculatorError.tooComplex) { try Calculator.evaluate(Array(repeating: "1", count: 150).joined(separator: "+")) }
    }

    /// A random expression tree, its text, and its value computed on the tree directly.
    indirect enum Node {
        case number(Int)
        case negate(Node)
        case binary(Node, Character, Node)

        static func random(_ rng: inout SplitMix64, depth: Int) -> Node {
            if depth == 0 || rng.nextInt(below: 10) < 3 { return .number(rng.nextInt(below: 100)) }
            if rng.nextInt(below: 10) == 0 { return .negate(random(&rng, depth: depth - 1)) }
            let op = Array("+-*/")[rng.nextInt(below: 4)]
            return .binary(random(&rng, depth: depth - 1), op, random(&rng, depth: depth - 1))
        }

        /// Fully parenthesized, so the text's meaning is the tree's whatever the precedence.
        var text: String {
            switch self {
            case .number(let n): return String(n)
            case .negate(let a): return "-(\(a.text))"
            case .binary(let a, let op, let b): return "(\(a.text)\(op)\(b.text))"
            }
        }

        var value: Double? {
            switch self {
            case .number(let n): return Double(n)
            case .negate(let a): return a.value.map { -$0 }
            case .binary(let a, let op, let b):
                guard let x = a.value, let y = b.value else { return nil }
                switch op {
                case "+": return x + y
                case "-": return x - y
                case "*": return x * y
                default: return y == 0 ? nil : x / y
                }
            }
        }
    }

    @Test func agreesWithTreeEvaluationOnRandomExpressions() throws {
        var rng = SplitMix64(seed: 7)
        var zeroDivisions = 0
        for _ in 0..<500 {
            let node = Node.random(&rng, depth: 4)
            if let value = node.value {
                #expect(try Calculator.evaluate(node.text) == value, "\(node.text)")
            } else {
                zeroDivisions += 1
                #expect(throws: CalculatorError.divisionByZero) { try Calculator.evaluate(node.text) }
            }
        }
        #expect(zeroDivisions > 0)
    }

    struct Fixture: Decodable {
        struct Case: Decodable { let expression: String; let value: Double?; let error: String? }
        let cases: [Case]
    }

    /// Expressions with the usual precedence (no extra parentheses), decimals and unary minus,
    /// valued exactly by Python's parser and fractions (Scripts/fixtures/agents_calculator.py).
    @Test func agreesWithPythonsExactValues() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/calculator_expressions.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        #expect(fixture.cases.count == 300)
        for c in fixture.cases {
            if let expected = c.value {
                let value = try Calculator.evaluate(c.expression)
                #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(c.expression): \(value) vs \(expected)")
            } else {
                #expect(throws: CalculatorError.divisionByZero) { try Calculator.evaluate(c.expression) }
            }
        }
    }
}
