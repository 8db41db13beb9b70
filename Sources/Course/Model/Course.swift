import Foundation

/// The whole course as loaded from disk: both roadmaps and every edition of every lesson.
///
/// Load it with ``CourseLoader``; ask it for a lesson in the reader's language with
/// ``lesson(_:in:)``, which falls back to English (with a notice) where a translation is
/// missing. Everything is a value: safe to share across tasks.
///
/// ```swift
/// let root = try CourseLoader.findRoot(explicit: options.course)
/// let course = try CourseLoader.load(root: root)
/// let lang = try CourseLanguage.resolve(explicit: options.lang, environment: ProcessInfo.processInfo.environment)
/// for part in course.roadmap(in: lang).parts {
///     print(part.title, part.chapters.map(\.lessonID))
/// }
/// let shown = try course.lesson("rag", in: lang)
/// if let notice = shown.notice { print(notice) }
/// print(shown.lesson.sections.map(\.title))
/// ```
public struct Course: Sendable {
    /// The folder holding `Lessons/` (the repository root); include paths are relative to it.
    public var root: URL
    /// Each edition's roadmap; English is always present.
    public var roadmaps: [CourseLanguage: Roadmap]
    /// Every lesson found on disk (listed in the roadmap or not), by id, then by language.
    public var lessons: [String: [CourseLanguage: Lesson]]
    /// `source-hash` values of each English `lesson.md` (12 hex digits), by lesson id.
    public var sourceHashes: [String: String]
    /// Problems met while loading (roadmap and lesson format problems, missing lesson files).
    /// `llmcourse lint` reports them with the rest.
    public var diagnostics: [CourseDiagnostic]
    /// Every exercise folder with an `exercise.md`, by id. Their format problems stay in each
    /// edition's diagnostics: the grader's catalog and `dev verify-exercises` report them.
    public var exercises: [String: CourseExercise]

    public init(root: URL, roadmaps: [CourseLanguage: Roadmap], lessons: [String: [CourseLanguage: Lesson]],
                sourceHashes: [String: String], diagnostics: [CourseDiagnostic], exercises: [String: CourseExercise] = [:]) {
        self.root = root
        self.roadmaps = roadmaps
        self.lessons = lessons
        self.sourceHashes = sourceHashes
        self.diagnostics = diagnostics
        self.exercises = exercises
    }

    /// The English roadmap, which decides the order of the course.
    public var roadmap: Roadmap { roadmaps[.english]! }

    /// The roadmap in `language`, or the English one when that edition has none.
    public func roadmap(in language: CourseLanguage) -> Roadmap { roadmaps[language] ?? roadmap }

    /// Lesson ids in reading order (from the English roadmap).
    public var lessonIDs: [String] { roadmap.lessonIDs }

    /// The lesson after `id` in reading order, if any.
    public func lessonID(after id: String) -> String? {
        let ids = lessonIDs
        guard let i = ids.firstIndex(of: id), i + 1 < ids.count else { return nil }
        return ids[i + 1]
    }

    /// The lesson before `id` in reading order, if any.
    public func lessonID(before id: String) -> String? {
        let ids = lessonIDs
        guard let i = ids.firstIndex(of: id), i > 0 else { return nil }
        return ids[i - 1]
    }

    /// A lesson in the reader's language. A missing translation falls back to English with a
    /// notice; a stale one is still shown, with a notice that it may lag behind.
    /// Throws ``CourseError/unknownLesson(_:known:)`` for an id the course does not have.
    public func lesson(_ id: String, in language: CourseLanguage) throws(CourseError) -> LocalizedLesson {
        guard let editions = lessons[id], let english = editions[.english] ?? editions.values.first else {
            throw .unknownLesson(id, known: lessonIDs)
        }
        guard language != .english else { return LocalizedLesson(lesson: english, requested: language, notice: nil) }
        switch translationStatus(id, language) {
        case .missing:
            return LocalizedLesson(lesson: english, requested: language,
                                   notice: Self.missingNotice(language, title: english.title))
        case .stale, .unmarked:
            return LocalizedLesson(lesson: editions[language]!, requested: language,
                                   notice: Self.staleNotice(language))
        case .source, .upToDate:
            return LocalizedLesson(lesson: editions[language]!, requested: language, notice: nil)
        }
    }

    /// How a translation relates to its English source.
    public func translationStatus(_ id: String, _ language: CourseLanguage) -> TranslationStatus {
        guard language != .english else { return .source }
        guard let translated = lessons[id]?[language] else { return .missing }
        guard let recorded = translated.translation?.sourceHash, !recorded.isEmpty else { return .unmarked }
        guard let current = sourceHashes[id] else { return .upToDate }
        return recorded.lowercased() == current ? .upToDate : .stale(recorded: recorded, current: current)
    }

    /// The live source text an include shows.
    /// Throws ``CourseError/invalid(_:)`` (with the lesson position) when the file or anchor is missing.
    public func resolve(_ include: Include, in lesson: Lesson) throws(CourseError) -> SourceRegion {
        try resolve(include, inFile: lesson.path)
    }

    /// ``resolve(_:in:)`` for an include written in any course file (a lesson or an exercise's
    /// task text); `path` places the error.
    public func resolve(_ include: Include, inFile path: String) throws(CourseError) -> SourceRegion {
        let data = include.path.isEmpty ? nil : FileManager.default.contents(atPath: root.appendingPathComponent(include.path).path)
        return try Self.resolve(include, inFile: path, text: data.map { String(decoding: $0, as: UTF8.self) })
    }

    /// ``resolve(_:in:)`` on text already read (`nil` when the file does not exist).
    static func resolve(_ include: Include, in lesson: Lesson, text: String?) throws(CourseError) -> SourceRegion {
        try resolve(include, inFile: lesson.path, text: text)
    }

    static func resolve(_ include: Include, inFile path: String, text: String?) throws(CourseError) -> SourceRegion {
        func fail(_ message: String) -> CourseError {
            .invalid(CourseDiagnostic(path: path, at: include.range.start, message: message))
        }
        guard let text else {
            throw fail("include file '\(include.path)' does not exist: the path is relative to the course root (e.g. `Sources/NeuralNets/Linear.swift`)")
        }
        let anchor = include.anchor ?? ""
        switch Result(catching: { () throws(SourceRegion.Problem) -> SourceRegion in try SourceRegion.extract(from: text, anchor: include.anchor) }) {
        case .success(let region):
            return region
        case .failure(.anchorMissing):
            throw fail("include anchor '\(anchor)' not found in \(include.path): mark the region with `// ANCHOR: \(anchor)` and `// ANCHOR_END: \(anchor)`")
        case .failure(.anchorNotClosed(let line)):
            throw fail("include anchor '\(anchor)' opened at \(include.path):\(line) is never closed: add `// ANCHOR_END: \(anchor)` after the region")
        }
    }

    static func missingNotice(_ language: CourseLanguage, title: String) -> String {
        switch language {
        case .traditionalChinese: return "這一課還沒有中文版，以下顯示英文原文。"
        case .english: return "This lesson is shown in English."
        }
    }

    static func staleNotice(_ language: CourseLanguage) -> String {
        switch language {
        case .traditionalChinese: return "英文原文在這份翻譯之後有更新，內容可能稍有落差。"
        case .english: return "The English original changed after this translation was made."
        }
    }
}

/// A lesson as shown to a reader who asked for `requested`.
public struct LocalizedLesson: Hashable, Sendable {
    /// The edition shown: the requested one, or English when it is missing.
    public var lesson: Lesson
    public var requested: CourseLanguage
    /// A sentence (in the requested language) to show above the lesson, e.g. that it falls
    /// back to English; nil when the edition is complete and current.
    public var notice: String?

    public init(lesson: Lesson, requested: CourseLanguage, notice: String?) {
        self.lesson = lesson
        self.requested = requested
        self.notice = notice
    }

    /// True when English is shown instead of the requested language.
    public var isFallback: Bool { lesson.language != requested }
}

/// Whether a translation matches the current English lesson.
public enum TranslationStatus: Hashable, Sendable {
    /// The English lesson itself.
    case source
    case upToDate
    /// `source-hash` differs from the current English file's hash.
    case stale(recorded: String, current: String)
    /// The translation has no `source-hash`.
    case unmarked
    case missing
}
