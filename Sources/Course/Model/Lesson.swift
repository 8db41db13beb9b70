/// One edition (English or a translation) of one lesson, parsed from
/// `Lessons/<id>/lesson[.<lang>].md`.
///
/// Shape: metadata comment(s), `# Title`, an optional introduction, then `##` sections. The
/// terminal steps through ``sections`` one at a time; the site renders them in order.
///
/// ```swift
/// let lesson = try course.lesson("neural-networks", in: .english).lesson
/// for section in lesson.sections { print(section.title, section.anchor, section.runSteps.map(\.demoID)) }
/// ```
public struct Lesson: Hashable, Sendable {
    /// The folder name under `Lessons/`.
    public var id: String
    public var language: CourseLanguage
    /// Relative to the course root, e.g. `Lessons/neural-networks/lesson.zh-TW.md`.
    public var path: String
    /// The `# Title` text (plain), or the id when the heading is missing.
    public var title: String
    /// Position of the `# Title` heading (``SourceRange/unknown`` when missing).
    public var titleRange: SourceRange
    /// The `<!-- lesson … -->` comment, if present.
    public var metadata: LessonMetadata?
    /// The `<!-- translation … -->` comment, if present.
    public var translation: TranslationMetadata?
    /// Blocks after the title and before the first `##` heading.
    public var introduction: [Block]
    public var sections: [LessonSection]
    /// The whole parsed file (metadata comments included), for renderers that want it all.
    public var document: MarkdownDocument
    /// Format problems found while parsing (malformed metadata, missing title…).
    public var diagnostics: [CourseDiagnostic]

    public init(id: String, language: CourseLanguage, path: String, title: String, titleRange: SourceRange,
                metadata: LessonMetadata?, translation: TranslationMetadata?, introduction: [Block],
                sections: [LessonSection], document: MarkdownDocument, diagnostics: [CourseDiagnostic]) {
        self.id = id
        self.language = language
        self.path = path
        self.title = title
        self.titleRange = titleRange
        self.metadata = metadata
        self.translation = translation
        self.introduction = introduction
        self.sections = sections
        self.document = document
        self.diagnostics = diagnostics
    }

    /// Elements of the introduction and every section, in file order.
    public var content: LessonContent {
        sections.reduce(into: introductionContent) { $0.append($1.content) }
    }

    /// Elements found in ``introduction``.
    public var introductionContent: LessonContent { LessonContent(blocks: introduction) }

    public var codeBlocks: [CodeBlock] { content.codeBlocks }
    public var runSteps: [RunStep] { content.runSteps }
    public var includes: [Include] { content.includes }
    public var links: [LessonLink] { content.links }
    /// Links to outside sources (papers, articles, videos): the lesson's references.
    public var references: [LessonLink] { content.links.filter { $0.kind == .external } }

    /// Exercises named in metadata `exercises:` and linked in the text, metadata first, each id once.
    public var exerciseReferences: [ExerciseReference] {
        var seen = Set<String>()
        var out: [ExerciseReference] = []
        for (id, position) in metadata?.listWithPositions("exercises") ?? [] where seen.insert(id).inserted {
            out.append(ExerciseReference(id: id, range: SourceRange(start: position, end: position)))
        }
        for link in links {
            if let id = link.exerciseID, seen.insert(id).inserted {
                out.append(ExerciseReference(id: id, range: link.range))
            }
        }
        return out
    }

    /// Every heading anchor in this file (title, sections and deeper headings), as renderers
    /// compute them.
    public var anchors: Set<String> { Set(LessonContent.headingAnchors(in: document.blocks)) }

    /// The section with this anchor, if any.
    public func section(anchor: String) -> LessonSection? { sections.first { $0.anchor == anchor } }
}

/// A `##` section: its heading and every block up to the next `##` (deeper headings included).
public struct LessonSection: Hashable, Sendable {
    /// Position among the lesson's sections, from 0. Editions of one lesson have the same
    /// sections in the same order, so the index identifies a section across languages.
    public var index: Int
    public var title: String
    /// The heading's anchor in this file (`#anchor` links and the site's ids use it).
    public var anchor: String
    /// The heading's position.
    public var range: SourceRange
    /// The blocks after the heading, up to the next `##` heading.
    public var blocks: [Block]

    public init(index: Int, title: String, anchor: String, range: SourceRange, blocks: [Block]) {
        self.index = index
        self.title = title
        self.anchor = anchor
        self.range = range
        self.blocks = blocks
    }

    public var content: LessonContent { LessonContent(blocks: blocks) }
    public var codeBlocks: [CodeBlock] { content.codeBlocks }
    public var runSteps: [RunStep] { content.runSteps }
    public var includes: [Include] { content.includes }
    public var links: [LessonLink] { content.links }
}
