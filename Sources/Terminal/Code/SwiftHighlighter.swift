/// A small Swift tokenizer for colouring code blocks: keywords, string literals, numbers,
/// comments, type names and attributes. It never fails: anything it does not recognise is
/// plain text, so odd or unfinished code still shows exactly as written.
///
/// Usage:
/// ```swift
/// let lines = SwiftHighlighter.highlight("let x = 1 // one")
/// // [[("let", .keyword), (" x = ", .plain), ("1", .number), (" ", .plain), ("// one", .comment)]]
/// ```
public enum SwiftHighlighter {
    public enum Kind: Hashable, Sendable {
        case plain, keyword, string, number, comment, type, attribute
    }

    public struct Token: Hashable, Sendable {
        public var text: String
        public var kind: Kind
    }

    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class",
        "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
        "false", "fileprivate", "for", "func", "guard", "if", "import", "in", "indirect", "init",
        "inout", "internal", "is", "let", "mutating", "nil", "nonisolated", "open", "operator",
        "override", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self",
        "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
        "typealias", "var", "weak", "where", "while", "consuming", "borrowing", "sending", "lazy",
    ]

    /// Tokens per source line (a token never spans a newline, so lines render independently).
    public static func highlight(_ code: String) -> [[Token]] {
        let chars = Array(code.unicodeScalars)
        var lines: [[Token]] = [[]]
        var i = 0
        var commentDepth = 0    // block comments nest in Swift
        var inMultilineString = false

        func emit(_ start: Int, _ end: Int, _ kind: Kind) {
            guard end > start else { return }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chars[start..<end])
            let text = String(s)
            if let last = lines[lines.count - 1].last, last.kind == kind {
                lines[lines.count - 1][lines[lines.count - 1].count - 1].text += text
            } else {
                lines[lines.count - 1].append(Token(text: text, kind: kind))
            }
        }
        func at(_ k: Int, _ s: String) -> Bool {
            var k = k
            for c in s.unicodeScalars { guard k < chars.count, chars[k] == c else { return false }; k += 1 }
            return true
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\n" { lines.append([]); i += 1; continue }
            let start = i
            if commentDepth > 0 {
                while i < chars.count, chars[i] != "\n" {
                    if at(i, "*/") { commentDepth -= 1; i += 2; if commentDepth == 0 { break } }
                    else if at(i, "/*") { commentDepth += 1; i += 2 }
                    else { i += 1 }
                }
                emit(start, i, .comment)
            } else if inMultilineString {
                while i < chars.count, chars[i] != "\n" {
                    if at(i, "\"\"\"") { inMultilineString = false; i += 3; break }
                    i += chars[i] == "\\" ? 2 : 1
                }
                emit(start, min(i, chars.count), .string)
            } else if at(i, "//") {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                emit(start, i, .comment)
            } else if at(i, "/*") {
                commentDepth = 1
                i += 2
                emit(start, i, .comment)
            } else if at(i, "\"\"\"") {
                inMultilineString = true
                i += 3
                emit(start, i, .string)
            } else if c == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\n", chars[i] != "\"" { i += chars[i] == "\\" ? 2 : 1 }
                i = min(i + 1, chars.count)
                emit(start, i, .string)
            } else if c.properties.numericType != nil && c.isASCII {
                while i < chars.count, isNumberPart(chars[i]) {
                    // `1..<n` is a range, not a decimal point.
                    if chars[i] == ".", !(i + 1 < chars.count && chars[i + 1].properties.numericType != nil) { break }
                    i += 1
                }
                emit(start, i, .number)
            } else if c == "@" || c == "#" {
                i += 1
                while i < chars.count, isIdentifierPart(chars[i]) { i += 1 }
                emit(start, i, .attribute)
            } else if isIdentifierStart(c) {
                while i < chars.count, isIdentifierPart(chars[i]) { i += 1 }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: chars[start..<i])
                let word = String(s)
                let kind: Kind = keywords.contains(word) ? .keyword
                    : (c.properties.isUppercase ? .type : .plain)
                emit(start, i, kind)
            } else {
                i += 1
                emit(start, i, .plain)
            }
        }
        return lines
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || (c.isASCII && c.properties.numericType != nil)
    }

    private static func isNumberPart(_ c: Unicode.Scalar) -> Bool {
        guard c.isASCII else { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil || c == "." || c == "_"
    }

    /// The colour of each kind of token.
    static func style(for kind: Kind) -> TextStyle {
        switch kind {
        case .plain: return .plain
        case .keyword: return TextStyle(bold: true, foreground: .magenta)
        case .string: return TextStyle(foreground: .green)
        case .number: return TextStyle(foreground: .yellow)
        case .comment: return TextStyle(italic: true, foreground: .brightBlack)
        case .type: return TextStyle(foreground: .cyan)
        case .attribute: return TextStyle(foreground: .brightMagenta)
        }
    }
}
