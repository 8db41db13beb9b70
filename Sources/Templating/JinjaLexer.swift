import Foundation

/// Cuts a template into text, `{{ output }}` and `{% statement %}` pieces, applying Jinja's
/// whitespace control the way Hugging Face configures it for chat templates
/// (`trim_blocks=True, lstrip_blocks=True`):
///
/// - `{%-` / `{{-` / `{#-` remove all whitespace before the tag, `-%}` / `-}}` / `-#}` all after;
/// - trim_blocks: the first newline after `%}` or `#}` is dropped;
/// - lstrip_blocks: spaces and tabs between a line's start and `{%` or `{#` are dropped
///   (`{%+` keeps them).
enum JinjaLexer {
    enum Piece: Equatable {
        case text(String)
        case output(String)
        case statement(String)
    }

    static func pieces(_ source: String) throws(JinjaError) -> [Piece] {
        let chars = Array(source)
        var pieces: [Piece] = []
        var text = ""
        var i = 0
        var stripNextText = false, trimNextNewline = false
        // Whether `text` starts at the start of a line (lstrip_blocks only strips real indents).
        var textAtLineStart = true
        // The previous tag's right-hand control, applied to the text after it.
        func applyPendingControl() {
            if stripNextText { text = String(text.drop(while: \.isWhitespace)) }
            else if trimNextNewline, text.hasPrefix("\n") || text.hasPrefix("\r\n") { text.removeFirst(); textAtLineStart = true }
            stripNextText = false; trimNextNewline = false
        }
        func flush() {
            if !text.isEmpty { pieces.append(.text(text)) }
            text = ""
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, "{%#".contains(chars[i + 1]) else {
                text.append(chars[i]); i += 1; continue
            }
            let kind = chars[i + 1]
            var j = i + 2
            let stripBefore = j < chars.count && chars[j] == "-"
            let keepIndent = j < chars.count && chars[j] == "+"
            if stripBefore || keepIndent { j += 1 }
            applyPendingControl()
            if stripBefore {
                while let last = text.last, last.isWhitespace { text.removeLast() }
            } else if kind != "{" && !keepIndent {
                if let lineStart = text.lastIndex(of: "\n").map({ text.index(after: $0) }) ?? (textAtLineStart ? text.startIndex : nil),
                   text[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    text.removeSubrange(lineStart...)
                }
            }
            let close: Character = kind == "{" ? "}" : kind == "%" ? "%" : "#"
            var k = j, quote: Character? = nil
            var found = false
            while k + 1 < chars.count {
                let c = chars[k]
                if let q = quote {
                    if c == "\\" { k += 2; continue }
                    if c == q { quote = nil }
                } else if kind != "#" && (c == "'" || c == "\"") {
                    quote = c
                } else if c == close && chars[k + 1] == "}" {
                    found = true; break
                }
                k += 1
            }
            guard found else {
                throw .syntax("unclosed `{\(kind)` tag starting at character \(i): add `\(close)}`")
            }
            let stripAfter = k > j && chars[k - 1] == "-"
            let inner = String(chars[j..<(stripAfter ? k - 1 : k)]).trimmingCharacters(in: .whitespacesAndNewlines)
            flush()
            switch kind {
            case "{": pieces.append(.output(inner))
            case "%": pieces.append(.statement(inner))
            default: break  // a comment
            }
            if stripAfter { stripNextText = true } else if kind != "{" { trimNextNewline = true }
            textAtLineStart = false
            i = k + 2
        }
        applyPendingControl()
        flush()
        return pieces
    }
}

/// What went wrong in a template: where, and what to change.
public enum JinjaError: Error, Equatable, CustomStringConvertible {
    case syntax(String)
    case unsupported(String)
    case runtime(String)
    /// `raise_exception(...)` called by the template itself.
    case raised(String)

    public var description: String {
        switch self {
        case .syntax(let m): return "template syntax error: \(m)"
        case .unsupported(let m): return "the course's Jinja subset cannot render this template: \(m)"
        case .runtime(let m): return "template error: \(m)"
        case .raised(let m): return "the template refused the conversation: \(m)"
        }
    }
}
