import Console
/// Breaks a line of code that is wider than the terminal into pieces that still read as code.
///
/// Code is never re-flowed, but a line wider than the room has to continue somewhere. The cut
/// goes after a space, a comma, an operator or an opening bracket when one lies in the last
/// third of the room (else such a place or a `.member` access in the last half) — `…sum(toShape:` / `a.shape)) }` rather than `…toShape: a.sh` / `ape)) }`
/// — and between characters only when the line offers no such place. A trailing `// comment`
/// that does not fit moves whole to the continuation line. Continuation pieces lose
/// their leading spaces; the caller indents them like the line they continue (see ``indent``).
///
/// Usage:
/// ```swift
/// let line = CodeLineBreaker.Line(runs: [StyledRun("    let total = first + second + third")])
/// let pieces = CodeLineBreaker.split(line, firstWidth: 28, restWidth: 20)
/// // ["    let total = first + ", "second + third"]
/// ```
enum CodeLineBreaker {
    struct Line {
        var runs: [StyledRun]
    }

    /// Characters after which a line of code may be cut: the cut then sits where a person
    /// formatting the code by hand could have put a line break.
    /// (Not `[`: an array type or subscript such as `[Double]` reads badly when split.)
    static let breakAfter: Set<Character> = [" ", ",", ";", ":", "(", "{", "+", "-", "*", "/", "%", "=", "<", ">", "&", "|", "^", "!", "?"]

    /// Operator characters: a cut never falls inside a multi-character operator (`->`, `==`, `&&`).
    private static let operatorCharacters: Set<Character> = ["+", "-", "*", "/", "%", "=", "<", ">", "&", "|", "^", "!", "?", "."]

    /// Columns of leading spaces in a line of code (tabs are already expanded by the caller).
    static func indent(of runs: [StyledRun]) -> Int {
        var n = 0
        for run in runs {
            for ch in run.text {
                guard ch == " " else { return n }
                n += 1
            }
        }
        return n
    }

    /// The pieces of one line: the first at most `firstWidth` columns, the others at most
    /// `restWidth` columns and without their leading spaces. A line that fits is returned whole.
    static func split(_ line: Line, firstWidth: Int, restWidth: Int) -> [WrappedLine] {
        var cells: [(ch: Character, width: Int, run: Int)] = []
        for (r, run) in line.runs.enumerated() {
            for ch in run.text { cells.append((ch, DisplayWidth.of(ch), r)) }
        }
        let total = cells.reduce(0) { $0 + $1.width }
        if total <= firstWidth { return [WrappedLine(runs: line.runs, width: total)] }

        var pieces: [WrappedLine] = []
        var start = 0
        var room = max(firstWidth, 1)
        while start < cells.count {
            if pieces.count > 0 {
                // A continuation starts at the code, not at the spaces left after the cut.
                while start < cells.count, cells[start].ch == " " { start += 1 }
                guard start < cells.count else { break }
            }
            // How far `room` columns reach from `start`.
            var end = start
            var used = 0
            while end < cells.count, used + cells[end].width <= room || end == start {
                used += cells[end].width
                end += 1
            }
            if end < cells.count {
                let chars = cells.map(\.ch)
                if let comment = trailingComment(chars, from: start), comment < end {
                    end = comment  // a trailing `// note` moves whole to the continuation line
                } else {
                    end = cut(chars, widths: cells.map(\.width), from: start, limit: end, room: room)
                }
            }
            pieces.append(piece(cells, start..<end, runs: line.runs))
            start = end
            room = max(restWidth, 1)
        }
        return pieces
    }

    /// Where a `//` comment starts after some code on the same line (not inside a string
    /// literal), so `let x = f()   // [N, 2]` can be cut before the comment rather than in it.
    private static func trailingComment(_ chars: [Character], from start: Int) -> Int? {
        var inString = false
        var sawCode = false
        var k = start
        while k + 1 < chars.count {
            let c = chars[k]
            if c == "\\" && inString { k += 2; continue }
            if c == "\"" { inString.toggle() }
            if !inString && c == "/" && chars[k + 1] == "/" { return sawCode ? k : nil }
            if c != " " { sawCode = true }
            k += 1
        }
        return nil
    }

    /// Where to end a piece that would otherwise run to `limit`: just after the last space,
    /// comma, operator or opening bracket in the last third of the room; failing that, at the
    /// last such place or `.member` access in the last half; else at `limit` itself (a hard cut).
    private static func cut(_ chars: [Character], widths: [Int], from start: Int, limit: Int, room: Int) -> Int {
        var fallback: Int? = nil
        var column = widths[start..<limit].reduce(0, +)  // width of chars[start..<k]
        var k = limit
        while k > start + 1 {
            let before = chars[k - 1], after = chars[k]
            if column < room / 2 { break }
            let late = column >= room - room / 3
            let insideOperator = operatorCharacters.contains(before) && operatorCharacters.contains(after)
            let interpolation = before == "(" && k >= 2 && chars[k - 2] == "\\"  // `\(value)` stays whole
            let soft = (breakAfter.contains(before) && !insideOperator && !interpolation && after != "," && after != ")" && after != ";")
                || after == " "  // cut before a space: it is dropped from the continuation
            if soft && late { return k }
            // Before a member access, as Swift chains are written: `QuantizationError` / `.unsupportedBits(…)`.
            let member = after == "." && (before.isLetter || before == ")" || before == "]")
                && k + 1 < chars.count && chars[k + 1].isLetter
            if fallback == nil && (soft || member) { fallback = k }
            column -= widths[k - 1]
            k -= 1
        }
        return fallback ?? limit
    }

    /// The cells in `range` grouped back into runs of one style, without trailing spaces.
    private static func piece(_ cells: [(ch: Character, width: Int, run: Int)], _ range: Range<Int>, runs: [StyledRun]) -> WrappedLine {
        var upper = range.upperBound
        while upper > range.lowerBound + 1, cells[upper - 1].ch == " " { upper -= 1 }
        var out: [StyledRun] = []
        var text = ""
        var current = -1
        var width = 0
        for i in range.lowerBound..<upper {
            if cells[i].run != current {
                if !text.isEmpty { out.append(StyledRun(text, runs[current].style)) }
                text = ""
                current = cells[i].run
            }
            text.append(cells[i].ch)
            width += cells[i].width
        }
        if !text.isEmpty { out.append(StyledRun(text, runs[current].style)) }
        return WrappedLine(runs: out, width: width)
    }
}
