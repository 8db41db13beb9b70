/// Errors that files, folders or the reader's choices can cause while loading or using the
/// course. Each message says what is wrong and how to fix it.
public enum CourseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `Lessons/roadmap.md` in `start` or any folder above it.
    case courseNotFound(searchedFrom: String)
    /// `--course DIR` or `LLMCOURSE_ROOT` names a folder without `Lessons/roadmap.md`.
    case roadmapMissing(root: String)
    case unreadableFile(path: String, reason: String)
    /// `--lang` names a language the course has no edition of.
    case unknownLanguage(String)
    case unknownLesson(String, known: [String])
    /// A problem at a position in a file (an include that cannot be resolved, …).
    case invalid(CourseDiagnostic)

    public var description: String {
        switch self {
        case .courseNotFound(let start):
            return "no course found: neither \(start) nor any folder above it has Lessons/roadmap.md. "
                + "Run llmcourse inside the course repository, pass --course DIR, or set LLMCOURSE_ROOT=DIR."
        case .roadmapMissing(let root):
            return "\(root) is not a course: Lessons/roadmap.md is missing there. "
                + "Point --course (or LLMCOURSE_ROOT) at the folder that holds Lessons/."
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read the file (\(reason)). Check that it exists, is readable and is UTF-8 text."
        case .unknownLanguage(let tag):
            let known = CourseLanguage.allCases.map(\.tag).joined(separator: ", ")
            return "no edition of the course in '\(tag)'. Available languages: \(known) (e.g. --lang zh-TW)."
        case .unknownLesson(let id, let known):
            let close = known.filter { $0.hasPrefix(String(id.prefix(3))) || $0.contains(id) || id.contains($0) }
            let hint = close.isEmpty ? "Run `llmcourse list` to see the lessons." : "Did you mean \(close.prefix(3).joined(separator: ", "))?"
            return "no lesson named '\(id)'. \(hint)"
        case .invalid(let diagnostic):
            return diagnostic.description
        }
    }
}
