import Console
import Course
import Foundation
import Progress

/// Everything the reading commands (`llmcourse`, `list`, `read`) share: the loaded course,
/// the reader's language, what the terminal can show, and the progress store.
///
/// Usage:
/// ```swift
/// let context = try ReadingContext.load(course: nil, lang: "zh-TW", color: .auto)
/// print(StatusView(course: context.course, progress: context.progress,
///                  language: context.language, options: context.renderOptions).render())
/// ```
public struct ReadingContext {
    public var course: Course
    public var language: CourseLanguage
    /// True when the language came from `--lang` (then a missing edition is an error).
    public var languageIsExplicit: Bool
    public var environment: TerminalEnvironment
    public var store: ProgressStore?
    public var progress: CourseProgress

    public var renderOptions: RenderOptions {
        RenderOptions(environment: environment, language: language)
    }

    /// Loads the course and the learner's progress. A damaged progress file is reported on
    /// stderr (the store has already moved it aside) and reading goes on from a fresh state.
    public static func load(course explicitRoot: String?, lang: String?, color: TerminalEnvironment.ColorChoice,
                            environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> ReadingContext {
        let course = try CourseLoader.load(explicit: explicitRoot, environment: env)
        let language = try CourseLanguage.resolve(explicit: lang, environment: env)
        let terminal = TerminalEnvironment.current(color: color, environment: env)
        var store: ProgressStore? = nil
        var progress = CourseProgress()
        do {
            let s = try ProgressStore(directory: ProgressStore.defaultDirectory(courseRoot: course.root, environment: env))
            store = s
            progress = try s.load()
        } catch {
            let line = ErrorMessages.text(for: error, language)
            FileHandle.standardError.write(Data(("llmcourse: " + line + "\n").utf8))
        }
        return ReadingContext(course: course, language: language, languageIsExplicit: !(lang ?? "").isEmpty,
                              environment: terminal, store: store, progress: progress)
    }

    /// Records that a section was read. A failure to save is reported once, never fatal:
    /// reading matters more than the record of it.
    public func markRead(lesson: String, section: Int) {
        guard let store else { return }
        do {
            _ = try store.update { $0.markSectionRead(lesson: lesson, section: section) }
        } catch {
            FileHandle.standardError.write(Data(("llmcourse: " + Messages.text(.progressNotSaved, language, ErrorMessages.text(for: error, language)) + "\n").utf8))
        }
    }

    /// The first section (0-based) of `lesson` not read yet, from the store as it is now.
    public func firstUnreadSection(of lesson: String) -> Int? {
        let progress = (try? store?.load()) ?? self.progress
        return ReadingProgress(course: course, progress: progress).state(of: lesson)?.firstUnread
    }

    /// The lesson in the reader's language. With an explicit `--lang`, a missing edition is an
    /// error (it never silently switches language); otherwise English is shown with a notice.
    public func lesson(_ id: String) throws -> LocalizedLesson {
        let shown = try course.lesson(id, in: language)
        if languageIsExplicit && shown.isFallback {
            throw ReadingError.missingEdition(lesson: id, language: language)
        }
        return shown
    }
}

/// Errors a reader's arguments can cause, each saying how to fix it.
public enum ReadingError: Error, CustomStringConvertible, Equatable {
    case missingEdition(lesson: String, language: CourseLanguage)
    case noSuchSection(lesson: String, requested: Int, count: Int)

    public var description: String {
        switch self {
        case .missingEdition(let lesson, let language):
            return "lesson '\(lesson)' has no \(language.tag) edition yet. Read it in English with "
                + "`llmcourse read \(lesson) --lang en`, or leave out --lang."
        case .noSuchSection(let lesson, let requested, let count):
            return "lesson '\(lesson)' has no section \(requested): it has \(count) section\(count == 1 ? "" : "s") "
                + "(use --section 1…\(count))."
        }
    }
}
