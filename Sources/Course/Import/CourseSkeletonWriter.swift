import Foundation

/// Turns an ``UpstreamRoadmap`` into the files of a course in our format: both roadmaps and,
/// per chapter, `lesson.md` (topics as `##` sections, references in a last section) plus
/// `lesson.zh-TW.md`. Both editions start from the imported text — the translation carries
/// the English file's hash, so lint passes until an author edits one side.
///
/// ```swift
/// let roadmap = try UpstreamRoadmapParser.parse(text, path: "README.md")
/// let summary = try CourseSkeletonWriter.write(roadmap, sourceName: "README.md", to: outURL)
/// ```
public enum CourseSkeletonWriter {
    /// The files to write: paths relative to the output folder, and their text.
    public static func files(for roadmap: UpstreamRoadmap, sourceName: String) -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        files.append(("Lessons/roadmap.md", roadmapText(roadmap, language: .english, sourceName: sourceName)))
        files.append(("Lessons/roadmap.zh-TW.md", roadmapText(roadmap, language: .traditionalChinese, sourceName: sourceName)))
        for part in roadmap.parts {
            for chapter in part.chapters {
                let english = lessonText(chapter, references: roadmap.language == .english ? "References" : "參考資料")
                let hash = SHA256.sourceHash(Array(english.utf8))
                let translated = "<!-- translation\nsource-hash: \(hash)\n-->\n\n" + english.drop { $0 != "#" }
                files.append(("Lessons/\(chapter.id)/lesson.md", english))
                files.append(("Lessons/\(chapter.id)/lesson.zh-TW.md", String(translated)))
            }
        }
        return files
    }

    /// Writes the skeleton under `folder`; refuses to overwrite an existing `Lessons/`.
    public static func write(_ roadmap: UpstreamRoadmap, sourceName: String, to folder: URL) throws(ImportError) {
        let fm = FileManager.default
        let lessons = folder.appendingPathComponent("Lessons")
        if let existing = try? fm.contentsOfDirectory(atPath: lessons.path), !existing.isEmpty {
            throw .outputExists(path: folder.path)
        }
        for (path, text) in files(for: roadmap, sourceName: sourceName) {
            let url = folder.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
    }

    static func roadmapText(_ roadmap: UpstreamRoadmap, language: CourseLanguage, sourceName: String) -> String {
        var out = "# \(MarkdownWriter.escape(roadmap.title))\n\n"
        out += language == .english
            ? "This course skeleton was imported from `\(sourceName)` by `llmcourse import`: one lesson per chapter, its topics as sections and its references in a list. Write each lesson in your own words, then run `llmcourse lint`.\n\n"
            : "這份課程骨架由 `llmcourse import` 從 `\(sourceName)` 匯入：每一章一課，主題成為小節，參考資料列在最後。請用自己的話寫出每一課，再執行 `llmcourse lint`。\n\n"
        if !roadmap.notebooks.isEmpty {
            out += language == .english ? "Notebooks listed in the imported roadmap:\n\n" : "匯入的路線圖列出的筆記本：\n\n"
            for notebook in roadmap.notebooks {
                out += "- [\(MarkdownWriter.escape(notebook.title))](\(MarkdownWriter.url(notebook.url)))\n"
            }
            out += "\n"
        }
        for part in roadmap.parts {
            out += "## \(MarkdownWriter.escape(part.title))\n\n"
            for paragraph in part.introduction { out += paragraph + "\n\n" }
            for (i, chapter) in part.chapters.enumerated() {
                out += "\(i + 1). [\(MarkdownWriter.escape(chapter.title))](\(chapter.id)/\(language.lessonFileName))\n"
            }
            out += "\n"
        }
        return out
    }

    static func lessonText(_ chapter: UpstreamRoadmap.Chapter, references heading: String) -> String {
        var out = "<!-- lesson\nid: \(chapter.id)\n-->\n\n# \(MarkdownWriter.escape(chapter.title))\n\n"
        for paragraph in chapter.introduction { out += paragraph + "\n\n" }
        for topic in chapter.topics {
            out += "## \(MarkdownWriter.escape(topic.name))\n\n"
            if !topic.text.isEmpty { out += topic.text + "\n\n" }
            out += list(topic.references)
        }
        if !chapter.references.isEmpty || chapter.topics.isEmpty {
            out += "## \(heading)\n\n"
            out += chapter.references.isEmpty ? "—\n\n" : list(chapter.references)
        }
        return out
    }

    private static func list(_ references: [UpstreamRoadmap.Reference]) -> String {
        guard !references.isEmpty else { return "" }
        return references.map { ref in
            "- [\(MarkdownWriter.escape(ref.title))](\(MarkdownWriter.url(ref.url)))" + (ref.note.isEmpty ? "" : ": \(ref.note)")
        }.joined(separator: "\n") + "\n\n"
    }
}
