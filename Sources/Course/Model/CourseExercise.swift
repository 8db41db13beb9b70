/// An exercise folder, `Exercises/<id>/`, as the course model reads it: the task text of each
/// edition (`exercise.md`, `exercise.zh-TW.md`) with its metadata, title and hints.
///
/// What the grader needs beyond the text (starter files, limits, the reference anchor) is
/// read from ``ExerciseEdition/metadata`` by the grader's catalog; the files themselves are
/// not opened here.
///
/// ```swift
/// let exercise = course.exercises["matmul-loops"]!
/// let task = exercise.edition(.traditionalChinese)   // falls back to English
/// print(task.title, task.hints.count, task.metadata?.value("lesson") ?? "")
/// ```
public struct CourseExercise: Hashable, Sendable {
    /// The folder name under `Exercises/`.
    public var id: String
    /// Each edition found on disk; English is the source and decides the metadata.
    public var editions: [CourseLanguage: ExerciseEdition]

    public init(id: String, editions: [CourseLanguage: ExerciseEdition]) {
        self.id = id
        self.editions = editions
    }

    /// The English edition, if the folder has an `exercise.md`.
    public var english: ExerciseEdition? { editions[.english] }

    /// The edition in `language`, else English (nil only when neither exists).
    public func edition(_ language: CourseLanguage) -> ExerciseEdition? { editions[language] ?? editions[.english] }

    /// The lesson this exercise names in its `lesson:` metadata (English edition).
    public var lessonID: String? { english?.metadata?.value("lesson") }
}

/// One edition of an exercise's task text.
public struct ExerciseEdition: Hashable, Sendable {
    public var id: String
    public var language: CourseLanguage
    /// Relative to the course root, e.g. `Exercises/matmul-loops/exercise.zh-TW.md`.
    public var path: String
    /// The `# Title` text (plain, math with its `$`); empty when the heading is missing.
    public var title: String
    /// The `<!-- exercise … -->` comment, if present.
    public var metadata: ExerciseMetadata?
    /// The items of the list under `## Hints`, each as its Markdown source on one line.
    public var hints: [String]
    /// The whole parsed file, metadata comment included.
    public var document: MarkdownDocument
    /// Format problems: no metadata comment, malformed lines, no title.
    public var diagnostics: [CourseDiagnostic]

    public init(id: String, language: CourseLanguage, path: String, title: String, metadata: ExerciseMetadata?,
                hints: [String], document: MarkdownDocument, diagnostics: [CourseDiagnostic]) {
        self.id = id
        self.language = language
        self.path = path
        self.title = title
        self.metadata = metadata
        self.hints = hints
        self.document = document
        self.diagnostics = diagnostics
    }

    /// The file's text as written.
    public var markdown: String { document.source }

    /// The task as a learner reads it: the file without its metadata comment, its `# Title`
    /// and its `## Hints` section (hints are shown one at a time, on request).
    public var task: MarkdownDocument {
        var blocks: [Block] = []
        var inHints = false, titleSeen = false
        for block in document.blocks {
            switch block {
            case .htmlBlock(let html, _) where MetadataCommentParser.kind(ofHTML: html) == "exercise":
                continue
            case .heading(1, _, _) where !titleSeen:
                titleSeen = true
                continue
            case .heading(let level, let content, _) where level <= 2:
                inHints = level == 2 && content.plainText.trimmingSpaces() == "Hints"
            default:
                break
            }
            if !inHints { blocks.append(block) }
        }
        return MarkdownDocument(blocks: blocks, source: document.source)
    }
}

/// The metadata comment of an exercise, read by the same grammar as a lesson's:
///
/// ```markdown
/// <!-- exercise
/// id: matmul-loops
/// lesson: math-for-ml
/// files: Matmul.swift
/// reference: Sources/Tensors/Matmul.swift#reference
/// -->
/// ```
public struct ExerciseMetadata: Hashable, Sendable {
    public var fields: [LessonMetadata.Field]
    /// The whole comment block.
    public var range: SourceRange

    public init(fields: [LessonMetadata.Field], range: SourceRange) {
        self.fields = fields
        self.range = range
    }

    public func field(_ key: String) -> LessonMetadata.Field? { fields.first { $0.key == key } }

    public func value(_ key: String) -> String? { field(key)?.value }

    /// The comma-separated values of `key`, trimmed, empty entries dropped.
    public func list(_ key: String) -> [String] {
        LessonMetadata(fields: fields, range: range).list(key)
    }
}
