/// The roadmap files an import writes. Both editions list the main README's chapters in its
/// order with its ids (lint requires the same structure); titles and introductions come from
/// the edition in that language when it was imported, otherwise from the other one, under
/// a note saying the roadmap still needs translating.
enum RoadmapText {
    /// - Parameters:
    ///   - edition: the README in `language`, or nil to copy the other edition's text.
    ///   - notebooks: the notebooks page to link (a file beside the roadmap), if any.
    static func text(_ course: ImportedCourse, edition: UpstreamRoadmap?, language: CourseLanguage, notebooks: String?) -> String {
        let main = course.roadmap
        let shown = edition ?? main
        let zh = language == .traditionalChinese
        var out = "# \(MarkdownWriter.escape(shown.title))\n\n"
        if edition == nil {
            out += zh
                ? SkeletonText.untranslatedComment("a copy of the English roadmap; translate its titles and text.")
                : SkeletonText.untranslatedComment("imported from a Traditional Chinese README; write the English titles and text.")
        }
        // Name the README this edition's text came from.
        let source = edition != nil && edition?.language != main.language ? (course.translationName ?? course.sourceName) : course.sourceName
        out += zh
            ? "這份課程骨架由 `llmcourse import` 從 `\(source)` 匯入：每一章一課，主題成為小節，其餘內容照原文保留。請用自己的話寫出每一課，再執行 `llmcourse lint`。\n\n"
            : "This course skeleton was imported from `\(source)` by `llmcourse import`: one lesson per chapter, its topics as sections and the rest of its text as written. Write each lesson in your own words, then run `llmcourse lint`.\n\n"
        for block in shown.introduction { out += block + "\n\n" }
        if let notebooks {
            out += zh ? "課程附帶的筆記本列在 [筆記本](\(notebooks))。\n\n" : "The notebooks that go with the course are listed in [Notebooks](\(notebooks)).\n\n"
        }
        for (p, part) in main.parts.enumerated() {
            let theirs = p < shown.parts.count ? shown.parts[p] : nil
            out += "## \(MarkdownWriter.escape(theirs?.title ?? part.title))\n\n"
            for block in theirs?.introduction ?? part.introduction { out += block + "\n\n" }
            for (c, chapter) in part.chapters.enumerated() {
                let title = theirs.flatMap { c < $0.chapters.count ? $0.chapters[c].title : nil } ?? chapter.title
                out += "\(c + 1). [\(MarkdownWriter.escape(title))](\(chapter.id)/\(language.lessonFileName))\n"
            }
            out += "\n"
        }
        return out
    }
}
