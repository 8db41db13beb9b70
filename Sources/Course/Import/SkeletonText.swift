/// The text of each file an import writes: lessons, roadmaps and the notebooks page.
///
/// A file with nothing in its language yet (an English import's `lesson.zh-TW.md`, a Chinese
/// import's `lesson.md`) says so in a note, and a translation carries a `source-hash` only
/// when it really is the other edition's text — so `llmcourse lint` lists every lesson still
/// to translate, with the command that records it once done.
enum SkeletonText {
    static func lesson(_ chapter: UpstreamRoadmap.Chapter, language: CourseLanguage) -> String {
        var out = "# \(MarkdownWriter.escape(chapter.title))\n\n"
        for piece in chapter.body {
            switch piece {
            case .section(let title): out += "## \(MarkdownWriter.escape(title))\n\n"
            case .markdown(let text): out += text + "\n\n"
            }
        }
        if chapter.body.isEmpty {
            out += language == .english ? "## References\n\n—\n\n" : "## 參考資料\n\n—\n\n"
        }
        return out
    }

    static func metadata(id: String) -> String { "<!-- lesson\nid: \(id)\n-->\n\n" }

    /// A translation made from the English file whose hash is `hash`.
    static func translated(_ body: String, sourceHash hash: String) -> String {
        "<!-- translation\nsource-hash: \(hash)\n-->\n\n" + body
    }

    /// A translation not yet checked against the English file: no hash, so lint lists it.
    static func unmarked(_ body: String, note: String?) -> String {
        "<!-- translation -->\n\n" + (note.map(untranslatedComment) ?? "") + body
    }

    static func untranslatedCopyNote(id: String) -> String {
        "an English copy written by `llmcourse import`. Translate it, delete this comment, then run `llmcourse lint --mark-translated \(id)`."
    }

    static func uncheckedPairNote(id: String) -> String {
        "the Traditional Chinese README's chapter at this position, whose sections differ from lesson.md. Check that it is this chapter's translation, bring it in line, delete this comment, then run `llmcourse lint --mark-translated \(id)`."
    }

    /// A note for authors, written as a `key: value` comment so the lesson parser (which
    /// reads any `<!-- word` comment's lines as fields) accepts it.
    static func untranslatedComment(_ note: String) -> String {
        "<!-- untranslated\nnote: \(note)\n-->\n\n"
    }

    /// The English file of a chapter that exists only in Chinese: its title and sections, to
    /// be written (the Chinese text is in lesson.zh-TW.md).
    static func englishPlaceholder(_ chapter: UpstreamRoadmap.Chapter, id: String) -> String {
        var out = metadata(id: id)
        out += untranslatedComment("imported from a Traditional Chinese README. Write this lesson in English (lesson.zh-TW.md holds the imported text), then run `llmcourse lint --mark-translated \(id)`.")
        out += "# \(MarkdownWriter.escape(chapter.title))\n\n"
        for case .section(let title) in chapter.body { out += "## \(MarkdownWriter.escape(title))\n\n" }
        if chapter.body.isEmpty { out += "## References\n\n—\n\n" }
        return out
    }

    static func notebooks(_ roadmap: UpstreamRoadmap, language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        var out = zh ? "# 筆記本\n\n" : "# Notebooks\n\n"
        for paragraph in roadmap.notebooksIntroduction { out += paragraph + "\n\n" }
        var groups: [String] = []
        for notebook in roadmap.notebooks where !groups.contains(notebook.group) { groups.append(notebook.group) }
        for group in groups {
            if !group.isEmpty || groups.count > 1 {
                out += "## \(MarkdownWriter.escape(group.isEmpty ? (zh ? "其他" : "Other") : group))\n\n"
            }
            out += zh ? "| 筆記本 | 說明 | 連結 |\n|---|---|---|\n" : "| Notebook | Description | Links |\n|---|---|---|\n"
            for notebook in roadmap.notebooks where notebook.group == group {
                let cells = notebook.cells
                let description = cells.count >= 3 ? cells[1] : ""
                let links = cells.dropFirst(cells.count >= 3 ? 2 : 1).filter { !$0.isEmpty }.joined(separator: " · ")
                out += "| \(cells.first ?? "") | \(description) | \(links) |\n"
            }
            out += "\n"
        }
        return out
    }
}
