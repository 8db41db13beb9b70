import Course
import Foundation

/// Rewrites the links lessons are written with (paths between Markdown files, so they work
/// on any Markdown viewer) into links between the site's pages, and remembers which other
/// repository files the site must carry (source pages for Swift files, copies for the rest).
///
/// `../rag/lesson.md#chunking` → `rag.html#chunking` (from a lesson page);
/// `../../Exercises/bpe-merge/exercise.md` → `../exercises/bpe-merge.html`;
/// `../../Sources/Tensors/Tensor.swift` → `../source/Sources/Tensors/Tensor.swift.html`.
final class SiteLinker {
    let course: SiteCourse
    private(set) var sourcePages: Set<String> = []
    private(set) var copiedFiles: Set<String> = []

    init(course: SiteCourse) {
        self.course = course
    }

    /// The `href` for `destination` written in the file at `sourcePath`, seen from site page
    /// `page`; `nil` when it points at something the site does not have (with the reason).
    func resolve(_ destination: String, sourcePath: String, page: String, lang: CourseLanguage) -> Result<String, LinkProblem> {
        if destination.isEmpty || destination.hasPrefix("#") || isExternal(destination) { return .success(destination) }
        var path = destination
        var fragment = ""
        if let hash = destination.firstIndex(of: "#") {
            path = String(destination[..<hash])
            fragment = String(destination[hash...])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        path = path.removingPercentEncoding ?? path
        let base = path.hasPrefix("/") ? "" : SitePaths.directory(of: sourcePath)
        guard let repoPath = SitePaths.normalize(base + "/" + path) else { return .failure(.outsideCourse(destination)) }
        guard let target = sitePath(forRepoPath: repoPath, lang: lang) else { return .failure(.missing(destination)) }
        return .success(SitePaths.relative(from: page, to: target) + fragment)
    }

    func sitePath(forRepoPath repoPath: String, lang: CourseLanguage) -> String? {
        let parts = repoPath.split(separator: "/").map(String.init)
        if parts == ["Lessons", "roadmap.md"] || parts == ["Lessons", "roadmap.zh-TW.md"] || parts == ["Lessons"] {
            return SitePaths.home(lang)
        }
        if parts.count >= 2, parts[0] == "Lessons", parts.count <= 3, parts.count == 2 || parts[2].hasPrefix("lesson") && parts[2].hasSuffix(".md") {
            return course.hasLesson(parts[1]) ? SitePaths.lesson(parts[1], lang) : nil
        }
        if parts.count >= 2, parts[0] == "Exercises", parts.count == 2 || parts[2].hasPrefix("exercise") && parts[2].hasSuffix(".md") {
            return course.hasExercise(parts[1]) ? SitePaths.exercise(parts[1], lang) : nil
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: course.root.appendingPathComponent(repoPath).path, isDirectory: &isDir),
              !isDir.boolValue else { return nil }
        if repoPath.hasSuffix(".swift") {
            sourcePages.insert(repoPath)
            return SitePaths.sourcePage(repoPath)
        }
        copiedFiles.insert(repoPath)
        return SitePaths.copiedFile(repoPath)
    }

    /// The source page of an included file, registering it.
    func sourcePage(_ repoPath: String) -> String {
        sourcePages.insert(repoPath)
        return SitePaths.sourcePage(repoPath)
    }

    private func isExternal(_ d: String) -> Bool {
        guard let colon = d.firstIndex(of: ":") else { return false }
        let scheme = d[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

enum LinkProblem: Error, CustomStringConvertible {
    case missing(String)
    case outsideCourse(String)

    var description: String {
        switch self {
        case .missing(let d): return "link to '\(d)' points at nothing in the course; fix the path or write the page"
        case .outsideCourse(let d): return "link to '\(d)' leaves the course folder; link inside the course or use a full URL"
        }
    }
}
