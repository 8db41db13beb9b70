import Foundation

/// What a rule sees: the loaded course, the known demo ids, and cached file facts (so no rule
/// parses a file twice, and checking links stays linear in the number of links).
public final class LintContext: @unchecked Sendable {
    public let course: Course
    /// nil when the caller did not pass the registry; demo checks are then skipped.
    public let knownDemoIDs: Set<String>?

    private let lock = NSLock()
    private var anchorCache: [String: Set<String>?] = [:]
    private var existsCache: [String: Bool] = [:]
    private var textCache: [String: String?] = [:]

    public init(course: Course, knownDemoIDs: Set<String>?) {
        self.course = course
        self.knownDemoIDs = knownDemoIDs
        for editions in course.lessons.values {
            for lesson in editions.values { anchorCache[lesson.path] = lesson.anchors }
        }
        for roadmap in course.roadmaps.values {
            anchorCache[roadmap.path] = Set(LessonContent.headingAnchors(in: roadmap.document.blocks))
        }
    }

    public var root: URL { course.root }

    /// Every loaded lesson edition, sorted by path.
    public var allLessons: [Lesson] {
        course.lessons.values.flatMap(\.values).sorted { $0.path < $1.path }
    }

    /// Whether a file or folder exists at `path` (relative to the course root).
    public func exists(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if let known = existsCache[path] { return known }
        let result = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        existsCache[path] = result
        return result
    }

    /// The text of the file at `path` (relative to the root), read once; nil if unreadable.
    public func text(ofFile path: String) -> String? {
        lock.lock()
        if let cached = textCache[path] { lock.unlock(); return cached }
        lock.unlock()
        let text = path.isEmpty ? nil : FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
        lock.lock(); textCache[path] = text; lock.unlock()
        return text
    }

    /// Heading anchors of the Markdown file at `path` (relative to the root); nil if unreadable.
    public func anchors(ofFile path: String) -> Set<String>? {
        lock.lock()
        if let cached = anchorCache[path] { lock.unlock(); return cached }
        lock.unlock()
        let anchors = FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map {
            Set(LessonContent.headingAnchors(in: MarkdownParser.parse(String(decoding: $0, as: UTF8.self)).blocks))
        }
        lock.lock(); anchorCache[path] = anchors; lock.unlock()
        return anchors
    }

    /// `relative` resolved against the folder of `file` (both relative to the root), with
    /// `.` and `..` folded: `("Lessons/a/lesson.md", "../b/lesson.md")` → `"Lessons/b/lesson.md"`.
    /// Returns nil when the path climbs above the root.
    public static func resolve(_ relative: String, from file: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        if relative.hasPrefix("/") { parts = [] }
        for piece in relative.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
