import Course

/// Where each page lives in the generated site, and how to link one page to another with a
/// relative URL so the site works from `file://` and from any folder of any static host.
enum SitePaths {
    static func home(_ lang: CourseLanguage) -> String { lang.sitePrefix + "index.html" }
    static func lesson(_ id: String, _ lang: CourseLanguage) -> String { lang.sitePrefix + "lessons/\(id).html" }
    static func exercise(_ id: String, _ lang: CourseLanguage) -> String { lang.sitePrefix + "exercises/\(id).html" }
    static func sourcePage(_ repoPath: String) -> String { "source/\(repoPath).html" }
    static func copiedFile(_ repoPath: String) -> String { "files/\(repoPath)" }
    static func figure(_ fileName: String) -> String { "figures/\(fileName)" }
    static func asset(_ name: String) -> String { "assets/\(name)" }
    static func searchIndex(_ lang: CourseLanguage) -> String { "assets/search-\(lang.rawValue).js" }
    /// Every lesson on one page; beside the lessons, so their relative links work unchanged.
    static func printPage(_ lang: CourseLanguage) -> String { lang.sitePrefix + "lessons/print.html" }

    /// The relative URL from the page at `from` to the file at `to` (both site paths).
    ///
    /// `relative(from: "zh-TW/lessons/a.html", to: "assets/site.css") == "../../assets/site.css"`
    static func relative(from: String, to: String) -> String {
        let fromDirs = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// Normalizes `a/b/../c/./d` to `a/c/d`; nil when it climbs above the root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(p)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder part of a repository path (`Lessons/rag/lesson.md` → `Lessons/rag`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
