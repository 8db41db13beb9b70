import Foundation

/// A piece of TeX taken out of a lesson before Markdown parsing.
public struct MathSpan: Hashable, Sendable {
    public var tex: String
    /// `$$…$$` (a centred block) rather than `$…$` (inside a line).
    public var display: Bool
}

/// Swaps `$…$` and `$$…$$` for inert placeholders before libcmark sees the text, so Markdown
/// never reads `_`, `*` or `\` inside formulas; the renderer swaps them back.
///
/// Rules (as in Pandoc): an inline opener `$` is not followed by a space, a closer is not
/// preceded by a space nor followed by a digit, so "costs $5 and $10" stays text. `\$` is a
/// literal dollar. Fenced code blocks and backtick code spans are left alone.
///
/// A placeholder is `U+E000`, the span number written in private-use characters, `U+E001`:
/// nothing Markdown treats specially, and dropped by the heading slug rule.
public enum MathExtractor {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    public static func extract(_ source: String) -> (text: String, spans: [MathSpan]) {
        guard source.contains("$") else { return (source, []) }
        var spans: [MathSpan] = []
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var fence: (char: Character, count: Int)? = nil
        let chars = Array(source)
        var i = 0
        var lineStart = true
        while i < chars.count {
            if lineStart {
                lineStart = false
                if let f = fenceMarker(chars, i) {
                    if let open = fence {
                        if f.char == open.char && f.count >= open.count { fence = nil }
                    } else {
                        fence = f
                    }
                }
            }
            let c = chars[i]
            if c == "\n" { lineStart = true; out.append(c); i += 1; continue }
            if fence != nil { out.append(c); i += 1; continue }
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                out += "\\$"; i += 2; continue
            }
            if c == "`" {
                var run = 0
                while i + run < chars.count && chars[i + run] == "`" { run += 1 }
                if let end = closingBackticks(chars, from: i + run, run: run) {
                    out += String(chars[i..<end]); i = end; continue
                }
                out += String(repeating: "`", count: run); i += run; continue
            }
            if c == "$" {
                if i + 1 < chars.count, chars[i + 1] == "$", let end = find(chars, "$$", from: i + 2) {
                    let tex = String(chars[(i + 2)..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
                    out += placeholder(spans.count); spans.append(MathSpan(tex: tex, display: true))
                    i = end + 2; continue
                }
                if let end = inlineClose(chars, from: i + 1) {
                    out += placeholder(spans.count)
                    spans.append(MathSpan(tex: String(chars[(i + 1)..<end]), display: false))
                    i = end + 1; continue
                }
            }
            out.append(c); i += 1
        }
        return (out, spans)
    }

    static func placeholder(_ n: Int) -> String {
        var s = String(open)
        s.unicodeScalars.append(Unicode.Scalar(0xE100 + UInt32(n / 256))!)
        s.unicodeScalars.append(Unicode.Scalar(0xE100 + UInt32(n % 256))!)
        s.append(close)
        return s
    }

    /// Splits text into plain pieces and math span numbers.
    static func pieces(_ text: String) -> [Piece] {
        guard text.contains(open) else { return [.text(text)] }
        var result: [Piece] = []
        var buffer = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{E000}", i + 3 < scalars.count, scalars[i + 3] == "\u{E001}" {
                if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" }
                let n = Int(scalars[i + 1].value - 0xE100) * 256 + Int(scalars[i + 2].value - 0xE100)
                result.append(.math(n)); i += 4; continue
            }
            buffer.unicodeScalars.append(scalars[i]); i += 1
        }
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }

    enum Piece: Equatable { case text(String), math(Int) }

    /// Puts the TeX source back in place of placeholders (for titles, anchors and search).
    static func restore(_ text: String, _ spans: [MathSpan]) -> String {
        pieces(text).map {
            switch $0 {
            case .text(let s): return s
            case .math(let n): return n < spans.count ? spans[n].tex : ""
            }
        }.joined()
    }

    private static func fenceMarker(_ chars: [Character], _ start: Int) -> (char: Character, count: Int)? {
        var i = start, indent = 0
        while i < chars.count, chars[i] == " ", indent < 4 { i += 1; indent += 1 }
        guard indent < 4, i < chars.count, chars[i] == "`" || chars[i] == "~" else { return nil }
        let ch = chars[i]
        var n = 0
        while i + n < chars.count, chars[i + n] == ch { n += 1 }
        return n >= 3 ? (ch, n) : nil
    }

    private static func closingBackticks(_ chars: [Character], from: Int, run: Int) -> Int? {
        var i = from
        while i < chars.count {
            if chars[i] == "\n", i + 1 < chars.count, chars[i + 1] == "\n" { return nil }
            if chars[i] == "`" {
                var n = 0
                while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                if n == run { return i + n }
                i += n
            } else { i += 1 }
        }
        return nil
    }

    private static func find(_ chars: [Character], _ needle: String, from: Int) -> Int? {
        let n = Array(needle)
        var i = from
        while i + n.count <= chars.count {
            if chars[i] == "\n", i + 1 < chars.count, chars[i + 1] == "\n" { return nil }
            if Array(chars[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    private static func inlineClose(_ chars: [Character], from: Int) -> Int? {
        guard from < chars.count, !chars[from].isWhitespace, chars[from] != "$" else { return nil }
        var i = from
        while i < chars.count {
            let c = chars[i]
            if c == "\n", i + 1 < chars.count, chars[i + 1] == "\n" { return nil }
            if c == "\\" { i += 2; continue }
            if c == "$" {
                let before = chars[i - 1]
                let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if !before.isWhitespace && !(after?.isNumber ?? false) { return i }
                return nil
            }
            i += 1
        }
        return nil
    }
}
