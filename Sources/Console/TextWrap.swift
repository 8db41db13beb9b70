/// Wraps plain (or SGR-colored) lines to a terminal width by words, for narration and
/// messages printed outside the lesson renderer.
///
/// - Columns are counted with ``DisplayWidth`` (Chinese takes two) and color codes count none.
/// - Latin text breaks at spaces; Chinese may break between any two characters, except before
///   closing punctuation such as `，。）`; a word wider than the line is cut.
/// - Continuation lines start with the first line's indent plus `hanging` spaces, so a list
///   item or an indented note stays visibly one block.
///
/// ```swift
/// TextWrap.lines("step 1500: loss 0.42, accuracy 97 %", width: 20)
/// // ["step 1500: loss", "0.42, accuracy 97 %"]
/// ```
public enum TextWrap {
    public static func lines(_ line: String, width: Int, hanging: Int = 0) -> [String] {
        guard visibleWidth(line) > width, width > 0 else { return [line] }
        let indentEnd = line.firstIndex(where: { $0 != " " }) ?? line.endIndex
        let indent = String(line[..<indentEnd])
        let continuation = indent + String(repeating: " ", count: hanging)
        var out: [String] = []
        var current = indent
        var currentWidth = DisplayWidth.of(indent)
        // Spaces between words are kept as written (aligned columns stay aligned on the first
        // line) and dropped where the line breaks.
        var gap = 0
        for piece in pieces(line[indentEnd...]) {
            if piece == " " {
                if currentWidth > DisplayWidth.of(out.isEmpty ? indent : continuation) { gap += 1 }
                continue
            }
            let w = visibleWidth(piece)
            if currentWidth + gap + w > width, current.contains(where: { $0 != " " }) {
                out.append(current)
                current = continuation
                currentWidth = DisplayWidth.of(continuation)
            } else {
                current += String(repeating: " ", count: gap); currentWidth += gap
            }
            gap = 0
            if currentWidth + w <= width {
                current += piece
                currentWidth += w
                continue
            }
            // A piece wider than a whole line is cut where it reaches the edge.
            var inEscape = false
            for ch in piece {
                if ch == "\u{1B}" { inEscape = true }
                let cw = inEscape ? 0 : DisplayWidth.of(ch)
                if inEscape, ch.isLetter { inEscape = false }
                if currentWidth + cw > width, current.contains(where: { $0 != " " }) {
                    out.append(current)
                    current = continuation
                    currentWidth = DisplayWidth.of(continuation)
                }
                current.append(ch)
                currentWidth += cw
            }
        }
        out.append(current)
        return out
    }

    /// Columns a line takes on screen: its text without SGR color codes.
    public static func visibleWidth<S: StringProtocol>(_ s: S) -> Int {
        s.contains("\u{1B}") ? DisplayWidth.of(stripSGR(String(s))) : DisplayWidth.of(s)
    }

    /// `s` without `ESC [ … m` sequences.
    public static func stripSGR(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for ch in s {
            if inEscape {
                if ch.isLetter { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Unbreakable pieces: Latin words (with any color codes inside them), single spaces,
    /// single wide characters with the closing punctuation that must stay attached to them, and
    /// bracketed groups such as a vector `[  1.00  -2.00 ]`, which read wrong when split.
    private static func pieces(_ text: Substring) -> [String] {
        var out: [String] = []
        var word = ""
        var depth = 0
        var inEscape = false  // the `[` of a color code opens no group
        for ch in text {
            if ch == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if ch.isLetter { inEscape = false }
            } else if ch == "[" {
                depth += 1
            } else if ch == "]" {
                depth = max(0, depth - 1)
            }
            if depth > 0 || ch == "]" {
                word.append(ch)
            } else if ch == " " {
                if !word.isEmpty { out.append(word); word = "" }
                out.append(" ")
            } else if closing.contains(ch) || (!isBreakable(ch) && !(word.last.map(isBreakable) ?? false)) {
                word.append(ch)
            } else {
                if !word.isEmpty { out.append(word) }
                word = String(ch)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// Characters a line may break before and after: the wide ones (Han, kana, fullwidth forms).
    private static func isBreakable(_ ch: Character) -> Bool {
        DisplayWidth.of(ch) == 2
    }

    private static let closing: Set<Character> = ["，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "》", "〉", "】", ",", ".", ":", ";", "!", "?", ")", "%"]
}
