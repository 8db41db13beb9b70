import ArgumentParser
import CheckProtocol
import Course
import Foundation
import Grader
import Progress
import Terminal

/// Options shared by the exercise commands.
struct ExerciseOptions: ParsableArguments {
    @Option(name: .long, help: "The course folder (holding Lessons/ and Exercises/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    @Option(name: .long, help: "Language of exercise texts, hints and messages: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English).")
    var lang: String?

    var root: URL { get throws { try localized { try CourseLoader.findRoot(explicit: course) } } }

    /// `--lang`, then `LANGUAGE`/`LANG`, then English: the rule every command follows.
    var language: CourseLanguage {
        get throws { try localized { try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment) } }
    }

    var messages: CourseLanguage { get throws { (try language) } }

    /// The language for an error message: `--lang` if it is valid, else the environment's
    /// (a bad `--lang` cannot choose the language of its own error).
    private var errorLanguage: CourseLanguage {
        let environment = ProcessInfo.processInfo.environment
        return (try? CourseLanguage.resolve(explicit: lang, environment: environment))
            ?? (try? CourseLanguage.resolve(explicit: nil, environment: environment)) ?? .english
    }

    /// The exercise a command works on: the one named, else the first not passed. When every
    /// exercise is passed it says so (naming `usage`, e.g. "`llmcourse check <id>`") and
    /// returns nil.
    func exerciseID(_ given: String?, grader: Grader, usage: String) throws -> String? {
        if let given { return given }
        if let next = try grader.firstNotPassed() { return next.id }
        print(ExerciseMessages.text(.allPassedPick, try language, usage))
        return nil
    }

    /// Runs `body`; an exercise error is printed in the learner's language (its own
    /// description is English) and ends the command with status 1.
    func localized<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExerciseError {
            throw failure(error.text(errorLanguage))
        } catch let error where error is CourseError || error is ProgressError {
            throw failure(ErrorMessages.text(for: error, errorLanguage))
        }
    }

    /// Prints `text` as an error in the learner's language; throw the result to end with
    /// status 1 (no usage text: the mistake is not in the arguments).
    func failure(_ text: String) -> ExitCode {
        FileHandle.standardError.write(Data((CommandMessages.text(.error, errorLanguage, text) + "\n").utf8))
        return ExitCode.failure
    }

    /// Exercises in course order (no library needed).
    func catalog() throws -> ExerciseCatalog {
        let catalog = try localized { try ExerciseCatalog.load(courseRoot: root) }
        warn(about: catalog)
        return catalog
    }

    /// Malformed exercise folders, one line each on standard error (the others still work).
    func warn(about catalog: ExerciseCatalog) {
        let messages = errorLanguage
        for problem in catalog.problems {
            let text = CommandMessages.text(.skippedExercise, messages, problem.text(messages))
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func store() throws -> ProgressStore {
        try ProgressStore(directory: ProgressStore.defaultDirectory(courseRoot: root))
    }

    /// A grader, building the course library first if needed (with a note on stderr). Ctrl-C
    /// during a compile or run then ends everything it started (see `ChildProcess`).
    func grader(warnAboutMalformed: Bool = true) throws -> Grader {
        ChildProcess.killAllOnInterrupt()
        let grader = try localized {
            try Grader(courseRoot: root, language: try language) { note in
                FileHandle.standardError.write(Data((note + "\n").utf8))
            }
        }
        if warnAboutMalformed { warn(about: grader.catalog) }
        return grader
    }
}

/// An exercise command: its work in `perform()`, run so that exercise, course and progress
/// errors are printed in the learner's language.
protocol ExerciseCommand: ParsableCommand {
    var options: ExerciseOptions { get }
    func perform() throws
}

extension ExerciseCommand {
    func run() throws { try options.localized { try perform() } }
}

/// The sentence every exercise command's `--help` ends with.
enum LanguageHelp {
    static let exercise = "Messages, texts and hints are in English or Traditional Chinese: `--lang zh-TW` (or LANG=zh_TW.UTF-8) switches."
}
