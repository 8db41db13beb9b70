import Course

/// Errors the site build can meet in the course files; each says how to fix it.
public enum SiteError: Error, CustomStringConvertible, Equatable {
    case noCourse(String)
    case unreadable(String, reason: String)
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .noCourse(let path):
            return "\(path): no Lessons/roadmap.md here. Run the command inside the course folder or pass --root."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)). Check that the file exists and is UTF-8 text."
        case .unwritable(let path, let reason):
            return "\(path): cannot be written (\(reason)). Choose another --out folder or fix its permissions."
        }
    }

    /// The site's wording of a problem the course loader met.
    init(_ error: CourseError, root: String) {
        switch error {
        case .unreadableFile(let path, let reason): self = .unreadable(path, reason: reason)
        default: self = .noCourse(root)
        }
    }
}
