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

    /// Problems sorted by path and position; columns count characters (not bytes), as
    /// editors show them.
    public func lint(_ course: Course) -> [LintProblem] {
        let context = LintContext(course: course, knownDemoIDs: knownDemoIDs)
        var sources: [String: String] = [:]
        for roadmap in course.roadmaps.values { sources[roadmap.path] = roadmap.document.source }
        for editions in course.lessons.values {
            for lesson in editions.values { sources[lesson.path] = lesson.document.source }
        }
        var columns: [String: ColumnConverter] = [:]
        let problems = rules.flatMap { $0.check(context) }.map { problem in
            var p = problem
            if let source = sources[p.path] {
                if columns[p.path] == nil { columns[p.path] = ColumnConverter(source) }
                p.column = columns[p.path]!.characterColumn(line: p.line, byteColumn: p.column)
            }
            return p
        }
        return Array(Set(problems)).sorted()
    }
}

/// Converts libcmark's 1-based UTF-8 byte columns into 1-based character (Unicode scalar)
/// columns, indexing the file's line starts once.
struct ColumnConverter {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // Count scalars by their lead bytes (everything but 10xxxxxx continuation bytes).
        return bytes[start..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } + 1
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
