/// Turns a roadmap file's text into a ``Roadmap`` through libcmark's tree.
///
/// `# Title`, then per `## Part` heading: paragraphs (the part's introduction) and an ordered
/// list whose items start with a lesson link `[Title](<id>/lesson.md)`; a nested list in an
/// item holds sub-lessons. Problems become ``Roadmap/diagnostics``; nothing throws.
public enum RoadmapParser {
    public static func parse(_ source: String, language: CourseLanguage, path: String) -> Roadmap {
        let document = MarkdownParser.parse(source)
        var diagnostics: [CourseDiagnostic] = []
        var title: String?
        var introduction: [Block] = []
        var parts: [RoadmapPart] = []

        for block in document.blocks {
            switch block {
            case .heading(1, let content, let range):
                if title == nil && parts.isEmpty {
                    title = content.plainText
                } else {
                    diagnostics.append(CourseDiagnostic(path: path, at: range.start,
                        message: "second `# ` heading: the roadmap has one course title; use `## ` for parts"))
                }
            case .heading(2, let content, let range):
                parts.append(RoadmapPart(id: Slug.anchor(content.plainText), title: content.plainText,
                                         introduction: [], chapters: [], range: range))
            case .list(.ordered, _, let items, _) where !parts.isEmpty:
                let entries = items.compactMap { entry(from: $0, language: language, path: path, diagnostics: &diagnostics) }
                parts[parts.count - 1].chapters += entries
            default:
                if parts.isEmpty {
                    if case .htmlBlock = block, title == nil { continue }
                    introduction.append(block)
                } else {
                    parts[parts.count - 1].introduction.append(block)
                }
            }
        }
        if title == nil {
            diagnostics.append(CourseDiagnostic(path: path, line: 1, column: 1,
                message: "missing `# Course title` heading at the top of the roadmap"))
        }
        if parts.isEmpty {
            diagnostics.append(CourseDiagnostic(path: path, line: 1, column: 1,
                message: "the roadmap has no parts: add `## Part` headings, each followed by an ordered list of lesson links"))
        }
        for part in parts where part.chapters.isEmpty {
            diagnostics.append(CourseDiagnostic(path: path, at: part.range.start,
                message: "part '\(part.title)' has no chapters: follow it with an ordered list of links like `1. [Title](<id>/\(language.lessonFileName))`"))
        }
        return Roadmap(language: language, path: path, title: title ?? "", introduction: introduction,
                       parts: parts, document: document, diagnostics: diagnostics)
    }

    /// One list item: its first paragraph must begin with the lesson link.
    private static func entry(from item: [Block], language: CourseLanguage, path: String,
                              diagnostics: inout [CourseDiagnostic]) -> RoadmapEntry? {
        guard case .paragraph(let content, let paragraphRange)? = item.first else {
            let at = item.first?.range.start ?? SourcePosition(line: 1, column: 1)
            diagnostics.append(CourseDiagnostic(path: path, at: at,
                message: "chapter item must start with a lesson link like `[Title](<id>/\(language.lessonFileName))`"))
            return nil
        }
        var inlines = content[...]
        while case .text(let t)? = inlines.first, t.trimmingSpaces().isEmpty { inlines = inlines.dropFirst() }
        guard case .link(let destination, _, let children, let linkRange)? = inlines.first else {
            diagnostics.append(CourseDiagnostic(path: path, at: paragraphRange.start,
                message: "chapter item '\(content.plainText)' must start with a lesson link like `[Title](<id>/\(language.lessonFileName))`"))
            return nil
        }
        var components = destination.split(separator: "/").map(String.init)
        if components.first == "." { components.removeFirst() }
        guard components.count == 2, components[1] == language.lessonFileName, Slug.isValidIdentifier(components[0]) else {
            diagnostics.append(CourseDiagnostic(path: path, at: linkRange.start,
                message: "chapter link '\(destination)' must point to `<id>/\(language.lessonFileName)`, where <id> is the lesson folder (lower-case letters, digits and hyphens)"))
            return nil
        }
        var note = Array(inlines.dropFirst()).plainText.trimmingSpaces()
        while let first = note.first, "—–-:：·".contains(first) { note = String(note.dropFirst()).trimmingSpaces() }
        var subLessons: [RoadmapEntry] = []
        for block in item.dropFirst() {
            if case .list(_, _, let subItems, _) = block {
                subLessons += subItems.compactMap { entry(from: $0, language: language, path: path, diagnostics: &diagnostics) }
            }
        }
        return RoadmapEntry(lessonID: components[0], title: children.plainText, destination: destination,
                            note: note, range: linkRange, subLessons: subLessons)
    }
}
