/// Colours Swift source for the site: each token becomes a `<span class="hl-…">` and the
/// rest is escaped text. Classes: `hl-kw` keyword, `hl-str` string, `hl-num` number,
/// `hl-com` comment, `hl-type` capitalised identifier, `hl-attr` `@attribute`/`#directive`.
///
/// A hand-written scanner rather than a grammar: it is only for colour, so a token it gets
/// wrong costs a colour, never text. Multi-line strings and nested block comments are handled.
///
/// Usage:
/// ```swift
/// SwiftHighlighter.html("let x = 1 // one")
/// // <span class="hl-kw">let</span> x = <span class="hl-num">1</span> <span class="hl-com">// one</span>
/// ```
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "associatedtype", "actor", "any", "as", "async", "await", "break", "case", "catch", "class",
        "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
        "false", "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "indirect",
        "init", "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated",
        "nonmutating", "open", "operator", "override", "private", "protocol", "public", "repeat",
        "rethrows", "return", "self", "Self", "some", "static", "struct", "subscript", "super",
        "switch", "throw", "throws", "true", "try", "typealias", "var", "weak", "where", "while",
        "consuming", "borrowing", "sending", "convenience", "required", "unowned",
    ]

    public static func html(_ source: String) -> String {
        let chars = Array(source.unicodeScalars)
        var out = ""
        out.reserveCapacity(source.utf8.count * 2)
        var i = 0
        func text(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chars[a..<b])
            return String(s)
        }
        func span(_ cls: String, _ a: Int, _ b: Int) {
            // A span never crosses a line, so line-numbered views can split the output by "\n".
            let lines = text(a, b).split(separator: "\n", omittingEmptySubsequences: false)
            out += lines.map { $0.isEmpty ? "" : "<span class=\"\(cls)\">\(HTML.escape(String($0)))</span>" }
                .joined(separator: "\n")
        }
        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "/" && next == "/" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                span("hl-com", i, j); i = j
            } else if c == "/" && next == "*" {
                var depth = 0, j = i
                repeat {
                    if j + 1 < chars.count && chars[j] == "/" && chars[j + 1] == "*" { depth += 1; j += 2 }
                    else if j + 1 < chars.count && chars[j] == "*" && chars[j + 1] == "/" { depth -= 1; j += 2 }
                    else { j += 1 }
                } while depth > 0 && j < chars.count
                span("hl-com", i, j); i = j
            } else if c == "\"" {
                let j = stringEnd(chars, i)
                span("hl-str", i, j); i = j
            } else if c.properties.numericType != nil && c.isASCII {
                var j = i + 1
                while j < chars.count && (chars[j].properties.isAlphabetic || chars[j].isASCIIDigit || chars[j] == "_"
                    || (chars[j] == "." && j + 1 < chars.count && chars[j + 1].isASCIIDigit)) { j += 1 }
                span("hl-num", i, j); i = j
            } else if c.isIdentifierStart || ((c == "@" || c == "#") && (next?.isIdentifierStart ?? false)) {
                var j = i + 1
                while j < chars.count && (chars[j].isIdentifierStart || chars[j].isASCIIDigit) { j += 1 }
                let word = text(i, j)
                if c == "@" || c == "#" { span("hl-attr", i, j) }
                else if keywords.contains(word) { span("hl-kw", i, j) }
                else if c.properties.isUppercase { span("hl-type", i, j) }
                else { out += HTML.escape(word) }
                i = j
            } else {
                out += HTML.escape(String(c)); i += 1
            }
        }
        return out
    }

    /// The index just past a string literal starting at `start` (handles `"""` and escapes).
    private static func stringEnd(_ chars: [Unicode.Scalar], _ start: Int) -> Int {
        let triple = start + 2 < chars.count && chars[start + 1] == "\"" && chars[start + 2] == "\""
        var j = start + (triple ? 3 : 1)
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if triple {
                if j + 2 < chars.count && chars[j] == "\"" && chars[j + 1] == "\"" && chars[j + 2] == "\"" { return j + 3 }
            } else {
                if chars[j] == "\"" { return j + 1 }
                if chars[j] == "\n" { return j }
            }
            j += 1
        }
        return chars.count
    }
}

extension Unicode.Scalar {
    var isIdentifierStart: Bool { self == "_" || properties.isAlphabetic }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
