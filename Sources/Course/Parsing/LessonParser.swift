/// Turns a lesson file's text into a ``Lesson`` through libcmark's tree.
///
/// Syntax problems (malformed metadata, a missing or repeated `# Title`) become the lesson's
/// ``Lesson/diagnostics``; nothing here throws, so one bad lesson never hides the others.
///
/// ```swift
/// let lesson = LessonParser.parse(text, id: "rag", language: .english, path: "Lessons/rag/lesson.md")
/// ```
public enum LessonParser {
    public static func parse(_ source: String, id: String, language: CourseLanguage, path: String) -> Lesson {
        let document = MarkdownParser.parse(source)
        var diagnostics: [CourseDiagnostic] = []
        var metadata: LessonMetadata?
        var translation: TranslationMetadata?
        var title: String?
        var titleRange = SourceRange.unknown
        var introduction: [Block] = []
        var sections: [LessonSection] = []
        var sawContent = false

        let headingAnchors = Dictionary(
            LessonContent.headings(in: document.blocks).map { ($0.range.start, $0.anchor) },
            uniquingKeysWith: { first, _ in first })

        for block in document.blocks {
            switch block {
            case .htmlBlock(let html, let range) where MetadataCommentParser.kind(ofHTML: html) != nil:
                guard let comment = MetadataCommentParser.parse(html: html, range: range, path: path, diagnostics: &diagnostics) else { continue }
                switch comment.kind {
                case "lesson":
                    if metadata != nil {
                        diagnostics.append(CourseDiagnostic(path: path, at: range.start,
                            message: "second `<!-- lesson` comment: keep one metadata comment per lesson"))
                    } else {
                        metadata = LessonMetadata(fields: comment.fields, range: range)
                    }
                case "translation":
                    let hash = comment.fields.first { $0.key == "source-hash" }
                    translation = TranslationMetadata(sourceHash: hash?.value, sourceHashPosition: hash?.valuePosition ?? range.start, range: range)
                    for field in comment.fields where field.key != "source-hash" {
                        diagnostics.append(CourseDiagnostic(path: path, at: field.position,
                            message: "unknown translation metadata key '\(field.key)': the only key is `source-hash`"))
                    }
                default:
                    // Another comment (a note for authors): keep it with the prose.
                    append(block, to: &sections, or: &introduction, afterTitle: title != nil)
                }
            case .heading(1, let content, let range):
                if title == nil && !sawContent {
                    title = content.plainText
                    titleRange = range
                } else if title == nil {
                    diagnostics.append(CourseDiagnostic(path: path, at: range.start,
                        message: "the `# Title` heading must come first, after the metadata comment only"))
                    title = content.plainText
                    titleRange = range
                } else {
                    diagnostics.append(CourseDiagnostic(path: path, at: range.start,
                        message: "second `# ` heading '\(content.plainText)': a lesson has one title; use `## ` for sections"))
                    append(block, to: &sections, or: &introduction, afterTitle: true)
                }
            case .heading(2, let content, let range):
                sawContent = true
                sections.append(LessonSection(index: sections.count, title: content.plainText,
                                              anchor: headingAnchors[range.start] ?? Slug.anchor(content.plainText),
                                              range: range, blocks: []))
            default:
                sawContent = true
                append(block, to: &sections, or: &introduction, afterTitle: title != nil)
            }
        }
        if title == nil {
            diagnostics.append(CourseDiagnostic(path: path, line: 1, column: 1,
                message: "missing `# Title` heading: start the lesson (after its metadata comment) with `# <title>`"))
        }
        return Lesson(id: id, language: language, path: path, title: title ?? id, titleRange: titleRange,
                      metadata: metadata, translation: translation, introduction: introduction, sections: sections,
                      document: document, diagnostics: diagnostics)
    }

    private static func append(_ block: Block, to sections: inout [LessonSection], or introduction: inout [Block], afterTitle: Bool) {
        if sections.isEmpty {
            introduction.append(block)
        } else {
            sections[sections.count - 1].blocks.append(block)
        }
    }
}
