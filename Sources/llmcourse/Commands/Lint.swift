import ArgumentParser
import Course
import Demos
import Foundation
import Grader
import Terminal

/// `llmcourse lint`: checks the whole course and prints each problem as `path:line:column: message`.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the course: ids, links, anchors, includes, demos, metadata and translations.",
        discussion: """
        Prints one `path:line:column: message` line per problem (paths relative to the course root) \
        and exits with status 1 when there is any; otherwise prints a one-line summary.
        After bringing a translation up to date with its English lesson, record it with \
        `llmcourse lint --mark-translated <lesson-id>`. The summary follows LANGUAGE/LANG (English \
        or Traditional Chinese; here --lang names the translation to mark); problem lines stay in English.
        """
    )

    @Option(name: .long, help: "The course folder (holding Lessons/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    @Option(name: .long, help: "Record that this lesson's translation matches the current English lesson, then lint.")
    var markTranslated: String?

    @Option(name: .long, help: "The translation --mark-translated updates.")
    var lang: String = CourseLanguage.traditionalChinese.tag

    func run() throws {
        // `--lang` is taken by --mark-translated here, so messages follow the environment only.
        let messages = try CourseLanguage.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
        let root = try CourseLoader.findRoot(explicit: course)
        if let id = markTranslated {
            guard let language = CourseLanguage(tag: lang), language != .english else {
                throw ValidationError(AuthoringMessages.text(.langMustBeTranslation, messages))
            }
            let hash = try TranslationMarker.markTranslated(id, language: language, root: root)
            print(AuthoringMessages.text(.markedTranslated, messages, "Lessons/\(id)/\(language.lessonFileName)", hash))
        }
        let linter = Linter(knownDemoIDs: Set(DemoRegistry.all.map(\.id)), extraRules: LintExtensions.rules)
        let report = linter.lint(root: root)
        for problem in report.problems { print(problem) }
        if report.problems.isEmpty {
            print(AuthoringMessages.text(.lintClean, messages, "\(report.lessonCount)", "\(report.fileCount)"))
        } else {
            let summary = AuthoringMessages.text(.lintProblems, messages, "\(report.problems.count)", "\(report.fileCount)")
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

/// Checks other modules add to `lint` (one line each), e.g. the grader's exercise checks.
enum LintExtensions {
    static var rules: [any LintRule] { [ExerciseLintRule()] }
}
