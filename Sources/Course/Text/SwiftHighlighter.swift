/// A small Swift tokenizer for colouring code: keywords, string literals, numbers, comments,
/// type names and attributes. It never fails: anything it does not recognize is plain text,
/// so odd or unfinished code still shows exactly as written.
///
/// It returns tokens, not markup, so the terminal (ANSI colors) and the site (HTML spans)
/// color the same code the same way through thin adapters of their own.
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

        public init(text: String, kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class",
        "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
        "false", "fileprivate", "for", "func", "guard", "if", "import", "in", "indirect", "init",
        "inout", "internal", "is", "let", "mutating", "nil", "nonisolated", "open", "operator",
        "override", "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self",
        "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
        "typealias", "var", "weak", "where", "while", "consuming", "borrowing", "sending", "lazy",
        "final", "nonmutating", "convenience", "required", "unowned",
    ]

    /// Tokens per source line (a token never spans a newline, so lines render independently).
    ///
    /// Works on UTF-8 bytes: Swift's syntax is ASCII, and any non-ASCII byte is taken as part of
    /// an identifier (Swift allows `é` or `注意` in names), which keeps multi-byte text whole.
    public static func highlight(_ code: String) -> [[Token]] {
        let bytes = Array(code.utf8)
        let n = bytes.count
        var lines: [[Token]] = [[]]
        var i = 0
        var commentDepth = 0    // block comments nest in Swift
        var inMultilineString = false

        func emit(_ start: Int, _ end: Int, _ kind: Kind) {
            guard end > start else { return }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let last = lines.count - 1
            if let token = lines[last].last, token.kind == kind {
                lines[last][lines[last].count - 1].text += text
            } else {
                lines[last].append(Token(text: text, kind: kind))
            }
        }
        func at(_ k: Int, _ a: UInt8, _ b: UInt8) -> Bool { k + 1 < n && bytes[k] == a && bytes[k + 1] == b }
        func tripleQuote(_ k: Int) -> Bool { k + 2 < n && bytes[k] == quote && bytes[k + 1] == quote && bytes[k + 2] == quote }

        while i < n {
            let c = bytes[i]
            if c == newline { lines.append([]); i += 1; continue }
            let start = i
            if commentDepth > 0 {
                while i < n, bytes[i] != newline {
                    if at(i, star, slash) { commentDepth -= 1; i += 2; if commentDepth == 0 { break } }
                    else if at(i, slash, star) { commentDepth += 1; i += 2 }
                    else { i += 1 }
                }
                emit(start, i, .comment)
            } else if inMultilineString {
                while i < n, bytes[i] != newline {
                    if tripleQuote(i) { inMultilineString = false; i += 3; break }
                    i += bytes[i] == backslash ? 2 : 1
                }
                emit(start, min(i, n), .string)
            } else if at(i, slash, slash) {
                while i < n, bytes[i] != newline { i += 1 }
                emit(start, i, .comment)
            } else if at(i, slash, star) {
                commentDepth = 1
                i += 2
                emit(start, i, .comment)
            } else if tripleQuote(i) {
                inMultilineString = true
                i += 3
                emit(start, i, .string)
            } else if c == quote {
                i += 1
                while i < n, bytes[i] != newline, bytes[i] != quote { i += bytes[i] == backslash ? 2 : 1 }
                i = min(i + 1, n)
                emit(start, i, .string)
            } else if isDigit(c) {
                while i < n, isIdentifierPart(bytes[i]) || bytes[i] == dot {
                    // `1..<n` is a range, not a decimal point.
                    if bytes[i] == dot, !(i + 1 < n && isDigit(bytes[i + 1])) { break }
                    i += 1
                }
                emit(start, i, .number)
            } else if c == atSign || c == hash {
                i += 1
                while i < n, isIdentifierPart(bytes[i]) { i += 1 }
                emit(start, i, .attribute)
            } else if isIdentifierPart(c) {
                while i < n, isIdentifierPart(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                let kind: Kind = keywords.contains(word) ? .keyword : (c >= 0x41 && c <= 0x5A ? .type : .plain)
                emit(start, i, kind)
            } else {
                i += 1
                emit(start, i, .plain)
            }
        }
        return lines
    }

    private static let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), dot = UInt8(ascii: ".")
    private static let atSign = UInt8(ascii: "@"), hash = UInt8(ascii: "#")

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Letters, digits, `_`, and every byte of a non-ASCII character.
    private static func isIdentifierPart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || isDigit(c) || c == 0x5F || c >= 0x80
    }
}
