import Course
import Foundation

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
}

/// Builds a ``SiteCourse`` from a course folder: `Lessons/roadmap(.zh-TW).md`,
/// `Lessons/<id>/lesson(.zh-TW).md`, `Exercises/<id>/exercise(.zh-TW).md`.
///
/// The roadmap decides the order; the zh-TW roadmap (same structure) gives translated titles.
public enum SiteCourseLoader {
    /// The nearest folder at or above `start` that holds `Lessons/roadmap.md`.
    public static func findRoot(from start: URL) -> URL? {
        var dir = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Lessons/roadmap.md").path) { return dir }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    public static func load(root: URL) throws -> SiteCourse {
        guard let english = try readSource(root, "Lessons/roadmap.md") else { throw SiteError.noCourse(root.path) }
        var roadmaps: [SiteLanguage: SiteCourse.Source] = [.english: english]
        if let zh = try readSource(root, "Lessons/roadmap.zh-TW.md") { roadmaps[.traditionalChinese] = zh }

        var courseTitles: [SiteLanguage: String] = [:]
        var partsByLang: [SiteLanguage: [SiteCourse.Part]] = [:]
        for (lang, source) in roadmaps {
            let (title, parts) = roadmapTree(MarkdownParser.parse(source.text), lang)
            courseTitles[lang] = title
            partsByLang[lang] = parts
        }
        let parts = merge(partsByLang[.english] ?? [], translated: partsByLang[.traditionalChinese] ?? [])

        var lessons: [String: SiteCourse.Page] = [:]
        for id in try folders(root, "Lessons") {
            if let page = try loadPage(root, "Lessons/\(id)", "lesson", id) { lessons[id] = page }
        }
        var exercises: [String: SiteCourse.Page] = [:]
        for id in try folders(root, "Exercises") {
            if let page = try loadPage(root, "Exercises/\(id)", "exercise", id) { exercises[id] = page }
        }
        return SiteCourse(root: root, courseTitles: courseTitles, roadmaps: roadmaps, parts: parts,
                          lessons: lessons, exercises: exercises)
    }

    private static func loadPage(_ root: URL, _ dir: String, _ name: String, _ id: String) throws -> SiteCourse.Page? {
        guard let en = try readSource(root, "\(dir)/\(name).md") else { return nil }
        var sources: [SiteLanguage: SiteCourse.Source] = [.english: en]
        if let zh = try readSource(root, "\(dir)/\(name).zh-TW.md") { sources[.traditionalChinese] = zh }
        return SiteCourse.Page(id: id, sources: sources)
    }

    static func readSource(_ root: URL, _ path: String) throws -> SiteCourse.Source? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return SiteCourse.Source(path: path, text: text, metadata: MetadataComment.parse(text))
        } catch {
            throw SiteError.unreadable(path, reason: "\(error.localizedDescription)")
        }
    }

    private static func folders(_ root: URL, _ name: String) throws -> [String] {
        let url = root.appendingPathComponent(name)
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return items.filter { item in
            var isDir: ObjCBool = false
            return !item.hasPrefix(".") && FileManager.default.fileExists(atPath: url.appendingPathComponent(item).path, isDirectory: &isDir) && isDir.boolValue
        }.sorted()
    }

    /// `# Title`, then per `## Part` the chapters of its ordered (or bullet) list.
    static func roadmapTree(_ doc: MarkdownDocument, _ lang: SiteLanguage) -> (String, [SiteCourse.Part]) {
        var title = ""
        var parts: [SiteCourse.Part] = []
        for block in doc.blocks {
            switch block {
            case .heading(1, let content, _) where title.isEmpty:
                title = content.plainText
            case .heading(2, let content, _):
                parts.append(SiteCourse.Part(titles: [lang: content.plainText], chapters: []))
            case .list(_, _, let items, _) where !parts.isEmpty:
                parts[parts.count - 1].chapters += items.compactMap { chapter($0, lang) }
            default:
                break
            }
        }
        return (title, parts)
    }

    private static func chapter(_ item: [Block], _ lang: SiteLanguage) -> SiteCourse.Chapter? {
        guard case .paragraph(let content, _)? = item.first, let (id, text) = firstLessonLink(content) else { return nil }
        var children: [SiteCourse.Chapter] = []
        for case .list(_, _, let subItems, _) in item.dropFirst() {
            children += subItems.compactMap { chapter($0, lang) }
        }
        return SiteCourse.Chapter(lessonID: id, titles: [lang: text], children: children)
    }

    private static func firstLessonLink(_ inlines: [Inline]) -> (String, String)? {
        for inline in inlines {
            switch inline {
            case .link(let dest, _, let children, _):
                let parts = dest.split(separator: "/")
                if parts.count == 2, parts[1].hasPrefix("lesson"), parts[1].hasSuffix(".md") {
                    return (String(parts[0]), children.plainText)
                }
            case .strong(let c), .emphasis(let c):
                if let found = firstLessonLink(c) { return found }
            default: break
            }
        }
        return nil
    }

    /// Copies zh-TW titles onto the English tree position by position (same structure by rule).
    private static func merge(_ en: [SiteCourse.Part], translated zh: [SiteCourse.Part]) -> [SiteCourse.Part] {
        func mergeChapters(_ a: [SiteCourse.Chapter], _ b: [SiteCourse.Chapter]) -> [SiteCourse.Chapter] {
            a.enumerated().map { i, c in
                var c = c
                let match = i < b.count && b[i].lessonID == c.lessonID ? b[i] : b.first { $0.lessonID == c.lessonID }
                if let m = match {
                    c.titles.merge(m.titles) { old, _ in old }
                    c.children = mergeChapters(c.children, m.children)
                }
                return c
            }
        }
        return en.enumerated().map { i, p in
            var p = p
            if i < zh.count {
                p.titles.merge(zh[i].titles) { old, _ in old }
                p.chapters = mergeChapters(p.chapters, zh[i].chapters)
            }
            return p
        }
    }
}
