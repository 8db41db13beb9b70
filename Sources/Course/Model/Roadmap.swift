/// One edition of the roadmap file (`Lessons/roadmap.md` or `Lessons/roadmap.zh-TW.md`):
/// the course title, then parts in order, each with its chapters in order.
///
/// ```markdown
/// # The LLM Course in Swift
/// ## Fundamentals
/// A short paragraph about the part.
/// 1. [Neural networks](neural-networks/lesson.md) — ▶ runnable
///    - [Backpropagation](backpropagation/lesson.md)
/// ```
public struct Roadmap: Hashable, Sendable {
    public var language: CourseLanguage
    /// Relative to the course root, e.g. `Lessons/roadmap.md`.
    public var path: String
    public var title: String
    /// Blocks between the title and the first part.
    public var introduction: [Block]
    public var parts: [RoadmapPart]
    public var document: MarkdownDocument
    /// Format problems found while parsing (items that are not lesson links, …).
    public var diagnostics: [CourseDiagnostic]

    public init(language: CourseLanguage, path: String, title: String, introduction: [Block],
                parts: [RoadmapPart], document: MarkdownDocument, diagnostics: [CourseDiagnostic]) {
        self.language = language
        self.path = path
        self.title = title
        self.introduction = introduction
        self.parts = parts
        self.document = document
        self.diagnostics = diagnostics
    }

    /// Every entry (chapters and their sub-lessons) depth-first, in reading order.
    public var entries: [RoadmapEntry] {
        parts.flatMap { $0.chapters.flatMap { [$0] + $0.allSubLessons } }
    }

    /// Lesson ids in reading order.
    public var lessonIDs: [String] { entries.map(\.lessonID) }

    /// The entry for a lesson id, if the roadmap lists it.
    public func entry(_ lessonID: String) -> RoadmapEntry? { entries.first { $0.lessonID == lessonID } }

    /// The part that holds a lesson, if any.
    public func part(containing lessonID: String) -> RoadmapPart? {
        parts.first { part in part.chapters.contains { $0.lessonID == lessonID || $0.allSubLessons.contains { $0.lessonID == lessonID } } }
    }
}

/// A `##` part of the roadmap.
public struct RoadmapPart: Hashable, Sendable {
    /// The anchor of the English part heading ("fundamentals", "model-engineering", …); the
    /// same for every edition, because editions share the structure.
    public var id: String
    /// The heading text in this edition.
    public var title: String
    /// Paragraphs after the heading, before the chapter list.
    public var introduction: [Block]
    public var chapters: [RoadmapEntry]
    public var range: SourceRange

    public init(id: String, title: String, introduction: [Block], chapters: [RoadmapEntry], range: SourceRange) {
        self.id = id
        self.title = title
        self.introduction = introduction
        self.chapters = chapters
        self.range = range
    }
}

/// A chapter (or a sub-lesson of one) in the roadmap: an item of the part's ordered list whose
/// text starts with a link `[Title](<id>/lesson.md)`.
public struct RoadmapEntry: Hashable, Sendable {
    /// The folder name the link points to.
    public var lessonID: String
    /// The link text.
    public var title: String
    /// The link destination as written, e.g. `rag/lesson.zh-TW.md`.
    public var destination: String
    /// Text after the link on the same item (e.g. "— ▶ runnable"), without leading dashes.
    public var note: String
    /// The link's position.
    public var range: SourceRange
    public var subLessons: [RoadmapEntry]

    public init(lessonID: String, title: String, destination: String, note: String, range: SourceRange, subLessons: [RoadmapEntry]) {
        self.lessonID = lessonID
        self.title = title
        self.destination = destination
        self.note = note
        self.range = range
        self.subLessons = subLessons
    }

    /// Sub-lessons at every depth, in order.
    public var allSubLessons: [RoadmapEntry] { subLessons.flatMap { [$0] + $0.allSubLessons } }
}
