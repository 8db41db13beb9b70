import Foundation

/// One check of the course. The standard rules live in this module; other modules (the
/// grader's exercise checks, for instance) add their own and pass them to ``Linter``.
///
/// ```swift
/// struct NoTodoRule: LintRule {
///     let name = "no-todo"
///     func check(_ context: LintContext) -> [LintProblem] {
///         context.course.lessons.values.flatMap(\.values).compactMap { lesson in
///             lesson.document.source.contains("TODO")
///                 ? LintProblem(path: lesson.path, line: 1, column: 1, message: "remove TODO") : nil
///         }
///     }
/// }
/// let problems = Linter(knownDemoIDs: ids, extraRules: [NoTodoRule()]).lint(root: root).problems
/// ```
public protocol LintRule: Sendable {
    /// A short name for the rule, e.g. `links`.
    var name: String { get }
    func check(_ context: LintContext) -> [LintProblem]
}

/// A rule written as a closure, for callers that need no type of their own.
public struct ClosureLintRule: LintRule {
    public let name: String
    private let body: @Sendable (LintContext) -> [LintProblem]

    public init(name: String, _ body: @escaping @Sendable (LintContext) -> [LintProblem]) {
        self.name = name
        self.body = body
    }

    public func check(_ context: LintContext) -> [LintProblem] { body(context) }
}

/// Runs rules over a course and gathers their problems, sorted and without duplicates.
public struct Linter: Sendable {
    public var rules: [any LintRule]
    /// Demo ids that exist (from the demo registry); nil skips the demo checks.
    public var knownDemoIDs: Set<String>?

    /// The standard rules, then `extraRules`.
    public init(knownDemoIDs: Set<String>? = nil, extraRules: [any LintRule] = []) {
        self.knownDemoIDs = knownDemoIDs
        self.rules = Linter.standardRules + extraRules
    }

    public static let standardRules: [any LintRule] = [
        FormatRule(), RoadmapRule(), RoadmapEditionsRule(), MetadataRule(), TranslationRule(),
        LinkRule(), IncludeRule(), RunStepRule(), MathRule(),
    ]

    /// Loads the course at `root` and checks it. A course that cannot be loaded at all (no
    /// roadmap) is reported as one problem rather than thrown.
    public func lint(root: URL) -> LintReport {
        do {
            let course = try CourseLoader.load(root: root)
            return LintReport(problems: lint(course), lessonCount: course.lessons.count,
                              fileCount: course.roadmaps.count + course.lessons.values.reduce(0) { $0 + $1.count })
        } catch {
            return LintReport(problems: [LintProblem(path: CourseLoader.roadmapPath, line: 1, column: 1, message: error.description)],
                              lessonCount: 0, fileCount: 0)
        }
    }

    public func lint(_ course: Course) -> [LintProblem] {
        let context = LintContext(course: course, knownDemoIDs: knownDemoIDs)
        return Array(Set(rules.flatMap { $0.check(context) })).sorted()
    }
}

/// What a lint run found.
public struct LintReport: Sendable {
    public var problems: [LintProblem]
    public var lessonCount: Int
    public var fileCount: Int

    /// One line: "course OK: 19 lessons, 40 files checked" or "3 problems in 40 files".
    public var summary: String {
        problems.isEmpty
            ? "course OK: \(lessonCount) lessons, \(fileCount) files checked, no problems"
            : "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(fileCount) files checked"
    }
}
