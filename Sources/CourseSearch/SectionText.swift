import Course

/// The readable words of a lesson section, taken from the parsed course model (never from
/// the Markdown text): paragraphs, headings, list items, quotes and table cells, one block per
/// line. Code blocks, run steps and includes are left out — they hold Swift, not prose, and
/// would make every question about "let" or "func" match.
///
/// ```swift
/// let text = SectionText.plain(lesson.sections[2])
/// ```
public enum SectionText {
    public static func plain(_ section: LessonSection) -> String {
        plain(section.blocks)
    }

    public static func plain(_ blocks: [Block]) -> String {
        var lines: [String] = []
        for block in blocks { append(block, to: &lines) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func append(_ block: Block, to lines: inout [String]) {
        switch block {
        case .heading(_, let content, _), .paragraph(let content, _):
            lines.append(flatten(content))
        case .blockQuote(let children, _):
            for child in children { append(child, to: &lines) }
        case .list(_, _, let items, _):
            for item in items { for child in item { append(child, to: &lines) } }
        case .table(let header, _, let rows, _):
            lines.append(header.map(flatten).joined(separator: " | "))
            for row in rows { lines.append(row.map(flatten).joined(separator: " | ")) }
        case .codeBlock, .htmlBlock, .thematicBreak:
            break
        }
    }

    /// Inline content as one line: soft breaks become spaces, code spans keep their text.
    static func flatten(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .math(let tex, let display): out += display ? "$$\(tex)$$" : "$\(tex)$"
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c): out += flatten(c)
            case .link(_, _, let c, _): out += flatten(c)
            case .image(_, _, let alt, _): out += flatten(alt)
            }
        }
        return out
    }
}
