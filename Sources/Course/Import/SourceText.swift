/// The imported README's lines, so a block can be copied into a lesson exactly as it was
/// written. Re-serializing the parsed tree loses what the tree does not model (a reference's
/// "by X", a full-width colon, HTML tables, alerts, sub-topic nesting), so the importer copies
/// the source text of each block and rewrites only what would break in the new course.
///
/// ```swift
/// let source = SourceText("- **Name**: text\n  - [T](u) by X: d\n")
/// source.text(of: nestedListRange) // "- [T](u) by X: d"
/// ```
struct SourceText {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    /// The text of a block as written: its lines, the first cut at the block's start column
    /// (libcmark counts bytes), the others losing the same indentation — so a block nested in
    /// a list item comes out at the left margin with its own nesting intact.
    func text(of range: SourceRange) -> String {
        let first = range.start.line - 1, last = range.end.line - 1
        guard first >= 0, last >= first, last < lines.count else { return "" }
        let indent = max(range.start.column - 1, 0)
        var out: [Substring] = []
        for index in first...last {
            let line = lines[index]
            if index == first {
                let utf8 = line.utf8
                let cut = utf8.index(utf8.startIndex, offsetBy: min(indent, utf8.count))
                out.append(Substring(line[cut...]))
            } else {
                out.append(Self.dropIndent(line, upTo: indent))
            }
        }
        while let l = out.last, l.allSatisfy({ $0 == " " || $0 == "\t" }) { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// The text of several consecutive blocks (a list item's remaining paragraphs and lists),
    /// blank lines between them kept.
    func text(of blocks: some Collection<Block>) -> String {
        guard let first = blocks.first?.range, let last = blocks.reduce(nil as SourceRange?, { _, b in b.range }) else { return "" }
        return text(of: SourceRange(start: first.start, end: last.end))
    }

    /// The 1-based line a block starts on (for the import report).
    static func line(_ block: Block) -> Int { block.range.start.line }

    private static func dropIndent(_ line: Substring, upTo indent: Int) -> Substring {
        var removed = 0
        var index = line.startIndex
        while index < line.endIndex, removed < indent, line[index] == " " || line[index] == "\t" {
            removed += line[index] == "\t" ? 4 : 1
            index = line.index(after: index)
        }
        return line[index...]
    }
}
