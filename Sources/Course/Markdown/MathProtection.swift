/// Keeps TeX inside `$…$` and `$$…$$` exactly as written through the CommonMark parse.
///
/// CommonMark knows nothing of math, so without help it reads TeX as Markdown: `\,` and `\{`
/// lose their backslash (backslash escapes), `\\` becomes `\`, and `_` or `*` pairs such as
/// `x_{t}… W_{q}` turn into emphasis. Before libcmark sees the text, every character of a math
/// span that Markdown could interpret gets a backslash escape of its own; libcmark removes
/// exactly those escapes. The delimiters become markers (see ``MathInlines``), so after the
/// parse each formula is found again without guessing which `$` was a dollar sign.
///
/// What counts as math (as in Pandoc): `$$` opens display math, closed by the next `$$`, also on
/// a later line; a single `$` opens inline math when the next character is not a space, and
/// the closing `$` (on that line or a following one of the paragraph) follows a non-space and
/// is not followed by a digit (so "$5 and $6" stays text). Fenced code blocks, code spans and `\$` are left alone.
///
/// Lines are never added or removed, so line numbers stay right; columns on a line with math
/// shift by the escapes and the wider markers added before them.
enum MathProtection {
    /// Characters with a meaning in inline Markdown.
    private static let special: Set<UInt8> = Set("\\_*[]<>`".utf8)

    static func protect(_ source: String) -> String {
        let bytes = Array(source.utf8)
        guard bytes.contains(UInt8(ascii: "$")) else { return source }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        var fence: (char: UInt8, length: Int)?
        var lineStart = true
        while i < bytes.count {
            if lineStart {
                lineStart = false
                if let run = fenceRun(bytes, at: i) {
                    if let open = fence {
                        if run.char == open.char && run.length >= open.length { fence = nil }
                    } else {
                        fence = run
                    }
                }
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { lineStart = true; out.append(b); i += 1; continue }
            if fence != nil { out.append(b); i += 1; continue }
            switch b {
            case UInt8(ascii: "\\"):
                // An escape outside math: copy it with the character it escapes.
                out.append(b)
                if i + 1 < bytes.count && bytes[i + 1] != UInt8(ascii: "\n") { out.append(bytes[i + 1]); i += 2 } else { i += 1 }
            case UInt8(ascii: "`"):
                let end = codeSpanEnd(bytes, at: i)
                out.append(contentsOf: bytes[i..<end])
                i = end
            case UInt8(ascii: "$"):
                if let end = mathEnd(bytes, at: i) {
                    let delimiter = bytes[i + 1] == UInt8(ascii: "$") ? 2 : 1
                    let (open, close) = delimiter == 2 ? (MathInlines.displayOpen, MathInlines.displayClose)
                                                       : (MathInlines.inlineOpen, MathInlines.inlineClose)
                    out.append(contentsOf: String(open).utf8)
                    for c in bytes[(i + delimiter)..<(end - delimiter)] {
                        if special.contains(c) { out.append(UInt8(ascii: "\\")) }
                        out.append(c)
                    }
                    out.append(contentsOf: String(close).utf8)
                    lineStart = bytes[i..<end].contains(UInt8(ascii: "\n")) ? false : lineStart
                    i = end
                } else {
                    out.append(b)
                    i += 1
                }
            default:
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A code fence (``` or ~~~, three or more, after at most three spaces) starting at `i`.
    private static func fenceRun(_ bytes: [UInt8], at start: Int) -> (char: UInt8, length: Int)? {
        var i = start, indent = 0
        while i < bytes.count && bytes[i] == UInt8(ascii: " ") && indent < 4 { i += 1; indent += 1 }
        guard indent < 4, i < bytes.count, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") else { return nil }
        let char = bytes[i]
        var length = 0
        while i < bytes.count && bytes[i] == char { i += 1; length += 1 }
        return length >= 3 ? (char, length) : nil
    }

    /// The index after a code span opening at `start` (a run of backticks closed by an equal run
    /// on the same line), or after the run itself when it never closes.
    private static func codeSpanEnd(_ bytes: [UInt8], at start: Int) -> Int {
        var i = start
        while i < bytes.count && bytes[i] == UInt8(ascii: "`") { i += 1 }
        let length = i - start
        var j = i
        while j < bytes.count && bytes[j] != UInt8(ascii: "\n") {
            if bytes[j] == UInt8(ascii: "`") {
                var k = j
                while k < bytes.count && bytes[k] == UInt8(ascii: "`") { k += 1 }
                if k - j == length { return k }
                j = k
            } else {
                j += 1
            }
        }
        return i
    }

    /// The index after the math span opening at `start`, or nil when the `$` is plain text.
    private static func mathEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        let dollar = UInt8(ascii: "$"), newline = UInt8(ascii: "\n")
        if start + 1 < bytes.count && bytes[start + 1] == dollar {
            // Display math: up to the next `$$`, not across a blank line.
            var j = start + 2
            while j + 1 < bytes.count {
                if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
                if bytes[j] == dollar && bytes[j + 1] == dollar { return j + 2 }
                if bytes[j] == newline && bytes[j + 1] == newline { return nil }
                j += 1
            }
            return nil
        }
        guard start + 1 < bytes.count, !isSpace(bytes[start + 1]) else { return nil }
        var j = start + 1
        // Inline math may wrap onto the next line of its paragraph, not past a blank line.
        while j < bytes.count && !(bytes[j] == newline && j + 1 < bytes.count && bytes[j + 1] == newline) {
            if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
            if bytes[j] == dollar {
                let closesAfterText = !isSpace(bytes[j - 1])
                let digitFollows = j + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j + 1])
                if closesAfterText && !digitFollows { return j + 1 }
                return nil
            }
            j += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") }
}
