import Foundation

/// Why an expression has no value. The loop shows `description` to the model as its observation.
public enum CalculatorError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    case unexpectedCharacter(String, position: Int)
    case unexpectedEnd
    /// A token where an operator or the end was expected (`3 4`, `2+)`).
    case unexpectedToken(String, position: Int)
    case unbalancedParenthesis
    case divisionByZero
    /// Nested more than ``Calculator/maximumDepth`` parentheses or longer than ``Calculator/maximumLength``.
    case tooComplex

    public var description: String {
        switch self {
        case .unexpectedCharacter(let c, let p): return "unexpected character \"\(c)\" at \(p)"
        case .unexpectedEnd: return "the expression ends too early"
        case .unexpectedToken(let t, let p): return "unexpected \"\(t)\" at \(p)"
        case .unbalancedParenthesis: return "unbalanced parenthesis"
        case .divisionByZero: return "division by zero"
        case .tooComplex: return "expression too long or too deeply nested"
        }
    }
}

// ANCHOR: grammar
/// Arithmetic on integers and decimals with `+ − × ÷` (also written `- * /`), parentheses and
/// unary minus, by recursive descent — never by handing text to an interpreter.
///
/// ```
/// expression = term { ("+" | "-") term }
/// term       = factor { ("*" | "/") factor }
/// factor     = "-" factor | number | "(" expression ")"
/// number     = digits [ "." digits ]
/// ```
/// One function per rule: precedence comes from the nesting (a term binds tighter than an
/// expression), left associativity from the loops (`8-3-2` is `(8-3)-2`).
///
/// ```swift
/// try Calculator.evaluate("17*3+4")   // 55
/// try Calculator.evaluate("7/0")      // throws CalculatorError.divisionByZero
/// ```
public struct Calculator: Tool {
    public let name = "calc"
    public let description = "arithmetic with + - * / and parentheses, e.g. calc[17*3+4]"
    public static let maximumDepth = 32
    public static let maximumLength = 200

    public init() {}

    /// The value as text: an integer without a decimal point, otherwise at most 6 decimals.
    public func run(_ argument: String) throws -> String { Self.format(try Self.evaluate(argument)) }

    public static func evaluate(_ text: String) throws(CalculatorError) -> Double {
        guard text.count <= maximumLength else { throw .tooComplex }
        var parser = Parser(characters: Array(text))
        let value = try parser.expression(depth: 0)
        parser.skipSpaces()
        if parser.position < parser.characters.count {
            let c = parser.characters[parser.position]
            if c == ")" { throw .unbalancedParenthesis }
            throw .unexpectedToken(String(c), position: parser.position)
        }
        return value
    }

    struct Parser {
        let characters: [Character]
        var position = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }

        /// The next non-space character, without consuming it.
        mutating func peek() -> Character? {
            skipSpaces()
            return position < characters.count ? characters[position] : nil
        }

        mutating func expression(depth: Int) throws(CalculatorError) -> Double {
            var value = try term(depth: depth)
            while let op = peek(), op == "+" || op == "-" || op == "−" {
                position += 1
                let right = try term(depth: depth)
                value = op == "+" ? value + right : value - right
            }
            return value
        }

        mutating func term(depth: Int) throws(CalculatorError) -> Double {
            var value = try factor(depth: depth)
            while let op = peek(), "*×/÷".contains(op) {
                position += 1
                let right = try factor(depth: depth)
                if op == "*" || op == "×" {
                    value *= right
                } else {
                    guard right != 0 else { throw .divisionByZero }
                    value /= right
                }
            }
            return value
        }

        mutating func factor(depth: Int) throws(CalculatorError) -> Double {
            guard depth < Calculator.maximumDepth else { throw .tooComplex }
            guard let c = peek() else { throw .unexpectedEnd }
            if c == "-" || c == "−" {
                position += 1
                return -(try factor(depth: depth + 1))
            }
            if c == "(" {
                position += 1
                let value = try expression(depth: depth + 1)
                guard peek() == ")" else {
                    if position >= characters.count { throw .unbalancedParenthesis }
                    throw .unexpectedToken(String(characters[position]), position: position)
                }
                position += 1
                return value
            }
            if c.isASCII && c.isNumber { return number() }
            if c == ")" || "+*×/÷".contains(c) { throw .unexpectedToken(String(c), position: position) }
            throw .unexpectedCharacter(String(c), position: position)
        }

        /// Digits with at most one decimal point (`12`, `3.75`); the caller saw a digit.
        mutating func number() -> Double {
            let start = position
            var seenPoint = false
            while position < characters.count {
                let c = characters[position]
                if c.isASCII && c.isNumber { position += 1 }
                else if c == ".", !seenPoint, position + 1 < characters.count, characters[position + 1].isNumber {
                    seenPoint = true
                    position += 1
                } else { break }
            }
            return Double(String(characters[start..<position]))!
        }
    }
// ANCHOR_END: grammar

    /// `55.0` → `"55"`, `2.5` → `"2.5"`, `1/3` → `"0.333333"`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
