/// One problem found in a course file, printed as `path:line:column: message`.
///
/// `path` is relative to the course root (e.g. `Lessons/rag/lesson.md`); `line` and `column`
/// are 1-based (columns in UTF-8 bytes, as libcmark counts them). Messages say what is wrong
/// and how to fix it. Diagnostics sort by path, then position, then message, so output is
/// stable.
public struct CourseDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    public init(path: String, at position: SourcePosition, message: String) {
        self.init(path: path, line: position.line, column: position.column, message: message)
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }

    public static func < (a: CourseDiagnostic, b: CourseDiagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}

/// What `llmcourse lint` reports; the same value as a loader diagnostic.
public typealias LintProblem = CourseDiagnostic
