/// Turns an exercise's task text (`exercise.md` or a translation) into an ``ExerciseEdition``
/// through libcmark's tree, with the metadata comment read by ``MetadataCommentParser`` (the
/// lessons' grammar).
///
/// Problems become ``ExerciseEdition/diagnostics``; nothing throws, so the grader decides
/// which problems keep an exercise out of its catalog.
///
/// ```swift
/// let task = ExerciseParser.parse(text, id: "relu", language: .english, path: "Exercises/relu/exercise.md")
/// task.hints   // ["Compare with zero.", "Use `max(0, x)`."]
/// ```
public enum ExerciseParser {
    public static func parse(_ source: String, id: String, language: CourseLanguage, path: String) -> ExerciseEdition {
        let document = MarkdownParser.parse(source)
        var diagnostics: [CourseDiagnostic] = []
        var metadata: ExerciseMetadata?
        var title: String?
        var hints: [String]?
        var inHints = false
        for block in document.blocks {
            switch block {
            case .htmlBlock(let html, let range) where metadata == nil && MetadataCommentParser.kind(ofHTML: html) == "exercise":
                let comment = MetadataCommentParser.parse(html: html, range: range, path: path, diagnostics: &diagnostics)
                metadata = ExerciseMetadata(fields: comment?.fields ?? [], range: range)
            case .heading(1, let content, _) where title == nil:
                title = content.plainText.trimmingSpaces()
                inHints = false
            case .heading(let level, let content, _):
                inHints = level == 2 && content.plainText.trimmingSpaces() == "Hints"
            case .list(_, _, let items, _) where inHints && hints == nil:
                hints = items.map { hint($0, in: document.source) }
            default:
                break
            }
        }
        if metadata == nil {
            diagnostics.insert(CourseDiagnostic(path: path, line: 1, column: 1,
                message: "no metadata comment: start the file with `<!-- exercise`, then `key: value` lines, then `-->`"), at: 0)
        } else if title?.isEmpty ?? true {
            diagnostics.append(CourseDiagnostic(path: path, line: metadata!.range.end.line + 1, column: 1,
                message: "no title: put a `# Title` line after the metadata comment"))
        }
        return ExerciseEdition(id: id, language: language, path: path, title: title ?? "", metadata: metadata,
                               hints: hints ?? [], document: document, diagnostics: diagnostics)
    }

    /// A hint as its author wrote it, on one line: the item's source lines without the list
    /// marker, trimmed and joined by spaces (renderers parse it again as Markdown).
    static func hint(_ item: [Block], in source: String) -> String {
        guard let first = item.first?.range.start.line, let last = item.last?.range.end.line, first >= 1 else { return "" }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard last <= lines.count else { return "" }
        var pieces = lines[(first - 1)..<last].map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        if !pieces.isEmpty { pieces[0] = withoutListMarker(pieces[0]) }
        return pieces.joined(separator: " ")
    }

    /// `1. text`, `2) text`, `- text`, `* text`, `+ text` → `text`.
    private static func withoutListMarker(_ line: String) -> String {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(line.dropFirst(2)).trimmingSpaces()
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")" else { return line }
        return String(rest.dropFirst()).trimmingSpaces()
    }
}
