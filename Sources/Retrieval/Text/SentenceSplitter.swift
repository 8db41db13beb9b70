/// Splits text into sentences, in English and in Chinese, without breaking code or math.
///
/// A sentence ends
/// - after `。`, `！`, `？` or `；` (Chinese needs no space after them), with any closing
///   quote or bracket that follows (`」』”）`);
/// - after `.`, `!` or `?` followed by a space or the end, when the next word does not start
///   with a lower-case letter (so "e.g. a model" stays whole, and "3.14" has no space);
/// - at a blank line (a paragraph break).
///
/// Never inside a fenced code block (```` ``` ```` or `~~~` lines: the whole block is one
/// piece), inline code (`` `a. b` ``), or math (`$…$`, `$$…$$`): a period in
/// `$x = 1. y$` is not the end of anything. An escaped `\$` is a dollar sign.
///
/// ```swift
/// SentenceSplitter.split("量化把權重變小。它會損失精度嗎？會一點。").map(\.text)
/// // ["量化把權重變小。", "它會損失精度嗎？", "會一點。"]
/// ```
public enum SentenceSplitter {
    public static func split(_ text: String) -> [Chunk] {
        let c = Array(text)
        var pieces: [Chunk] = []
        var start = 0

        func emit(_ end: Int) {
            var s = start, e = end
            while s < e && c[s].isWhitespace { s += 1 }
            while e > s && c[e - 1].isWhitespace { e -= 1 }
            if s < e { pieces.append(Chunk(text: String(c[s..<e]), start: s)) }
            start = end
        }

        var i = 0
        while i < c.count {
            let atLineStart = i == 0 || c[i - 1] == "\n"
            if atLineStart, let end = MarkdownScan.fenceEnd(c, at: i) {
                emit(i)                      // the code block is a piece of its own
                start = i
                emit(end)
                i = end
                continue
            }
            let ch = c[i]
            if ch == "\\" { i += 2; continue }
            if ch == "`", let end = MarkdownScan.closing(c, from: i, delimiter: "`") { i = end; continue }
            if ch == "$" {
                let delimiter = i + 1 < c.count && c[i + 1] == "$" ? "$$" : "$"
                if let end = MarkdownScan.closing(c, from: i, delimiter: delimiter) { i = end; continue }
            }
            if ch == "\n", i + 1 < c.count, MarkdownScan.isBlankLine(c, from: i + 1) {
                emit(i)
                i += 1
                continue
            }
            if "。！？；".contains(ch) {
                var end = i + 1
                while end < c.count && closers.contains(c[end]) { end += 1 }
                emit(end)
                i = end
                continue
            }
            if ".!?".contains(ch) {
                var end = i + 1
                while end < c.count && (".!?".contains(c[end]) || closers.contains(c[end])) { end += 1 }
                var next = end
                while next < c.count && (c[next] == " " || c[next] == "\t" || c[next] == "\n") { next += 1 }
                let followedBySpace = end == c.count || c[end].isWhitespace
                let nextStartsLower = next < c.count && c[next].isLowercase
                if followedBySpace && !nextStartsLower {
                    emit(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        emit(c.count)
        return pieces
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    static let closers: Set<Character> = ["\"", "'", ")", "]", "」", "』", "”", "’", "）", "》"]
}

/// Small scanners over Markdown text shared by the splitters: fences, delimiters, blank lines.
enum MarkdownScan {
    /// When a fenced code block opens at line start `i`: the offset just after its closing
    /// fence line (or the end of the text when it is never closed).
    static func fenceEnd(_ c: [Character], at i: Int) -> Int? {
        var j = i, indent = 0
        while j < c.count && c[j] == " " && indent < 3 { j += 1; indent += 1 }
        guard j < c.count, c[j] == "`" || c[j] == "~" else { return nil }
        let mark = c[j]
        var length = 0
        while j < c.count && c[j] == mark { j += 1; length += 1 }
        guard length >= 3 else { return nil }
        // Find a later line that starts with at least `length` of the same mark.
        var lineStart = nextLine(c, from: j)
        while lineStart < c.count {
            var k = lineStart, spaces = 0
            while k < c.count && c[k] == " " && spaces < 3 { k += 1; spaces += 1 }
            var run = 0
            while k < c.count && c[k] == mark { k += 1; run += 1 }
            if run >= length { return nextLine(c, from: k) }
            lineStart = nextLine(c, from: lineStart)
        }
        return c.count
    }

    /// The offset after the next newline at or after `i` (or the end).
    static func nextLine(_ c: [Character], from i: Int) -> Int {
        var j = i
        while j < c.count && c[j] != "\n" { j += 1 }
        return min(j + 1, c.count)
    }

    /// For a delimiter opening at `i` (`` ` ``, `$` or `$$`): the offset just after its
    /// closing twin, if there is one before a blank line; escaped `\$` does not close.
    static func closing(_ c: [Character], from i: Int, delimiter: String) -> Int? {
        let d = Array(delimiter)
        var j = i + d.count
        while j + d.count <= c.count {
            if c[j] == "\\" && delimiter != "`" { j += 2; continue }
            if c[j] == "\n" && j + 1 < c.count && isBlankLine(c, from: j + 1) && delimiter != "$$" { return nil }
            if Array(c[j..<(j + d.count)]) == d && j > i + d.count - 1 { return j + d.count }
            j += 1
        }
        return nil
    }

    /// True when the line starting at `i` holds only spaces and tabs.
    static func isBlankLine(_ c: [Character], from i: Int) -> Bool {
        var j = i
        while j < c.count && c[j] != "\n" {
            if c[j] != " " && c[j] != "\t" { return false }
            j += 1
        }
        return true
    }
}
