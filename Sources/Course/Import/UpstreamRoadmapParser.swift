import Foundation

/// Reads an upstream-style course README (English original or Traditional Chinese adaptation)
/// through libcmark's tree into an ``UpstreamRoadmap``.
///
/// What it understands:
/// - `##` headings are parts (emoji stripped, unless the title is nothing else). A part
///   whose title names notebooks (📝, Notebooks, 筆記本) holds notebook tables: its `###`
///   headings and `<summary>` labels group the notebooks; they are not chapters.
/// - `###` headings in a part are chapters; a leading `1.`, `1、` or `1)` is the number.
/// - A list item starting with bold text is a topic: `**Name**: text`, `**Name:** text`,
///   `**Name**：text`, `**[Name](url)** text` or `[**Name**](url): text`.
/// - Reference lists follow a header that mentions 📚 or says References, Resources,
///   參考資料, 參考文獻, 資源 … (a heading or a paragraph of its own), or are nested under a topic.
/// - Everything else in a chapter (paragraphs, other bullets, tables, code, images, quotes,
///   `####` headings) is copied into the lesson as written; what cannot be is listed in
///   ``UpstreamRoadmap/skipped``.
public enum UpstreamRoadmapParser {
    static let referenceWords = ["reference", "resource", "further reading", "reading list",
                                 "參考資料", "參考文獻", "參考", "資源", "延伸閱讀", "學習資源", "参考资料"]
    static let notebookWords = ["📝", "notebook", "colab", "筆記本", "笔记本"]

    /// `baseFolder` is the README's folder: images it links to that exist there are copied.
    public static func parse(_ text: String, path: String, baseFolder: URL? = nil) throws(ImportError) -> UpstreamRoadmap {
        guard !text.allSatisfy(\.isWhitespace) else { throw .notARoadmap(path: path, reason: .empty) }
        let source = SourceText(text)
        var state = UpstreamRoadmapWalk(source: source, file: path, rewriter: LinkRewriter(baseFolder: baseFolder))
        for block in flatten(MarkdownParser.parse(text).blocks) { state.take(block) }
        state.finish()
        let parts = state.parts.filter { !$0.chapters.isEmpty }
        guard !parts.isEmpty else {
            throw .notARoadmap(path: path, reason: state.sawPart ? .noChapters : .noParts)
        }
        let language = detectLanguage(text)
        var roadmap = UpstreamRoadmap(title: state.title ?? "", language: language, introduction: state.introduction,
                                      parts: parts, notebooks: state.notebooks, notebooksIntroduction: state.notebooksIntroduction,
                                      assets: state.assets, skipped: state.skipped)
        if roadmap.title.isEmpty {
            roadmap.title = language == .english ? "Imported course" : "匯入的課程"
        }
        ChapterIDs.assign(&roadmap)
        return roadmap
    }

    /// Blocks in reading order, with `<details>` wrappers opened: an HTML block that starts
    /// with `<details>`/`<summary>` may swallow Markdown up to the next blank line, so it is
    /// parsed again with the tag lines blanked and the lines before it padded, which keeps
    /// every block's line numbers those of the README. `<summary>` lines come back as HTML
    /// blocks of their own (they name notebook groups).
    static func flatten(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            guard case .htmlBlock(let html, let range) = block else { return [block] }
            let trimmed = html.trimmingSpaces().lowercased()
            guard trimmed.hasPrefix("<details") || trimmed.hasPrefix("</details") || trimmed.hasPrefix("<summary") else { return [block] }
            var summaries: [Block] = []
            let lines = html.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line -> Substring in
                let l = line.trimmingSpaces().lowercased()
                if l.hasPrefix("<summary") {
                    let at = SourcePosition(line: range.start.line + offset, column: 1)
                    summaries.append(.htmlBlock(String(line), range: SourceRange(start: at, end: at)))
                }
                let isTag = l.hasPrefix("<details") || l.hasPrefix("</details") || l.hasPrefix("<summary") || l.hasPrefix("</summary")
                return isTag ? "" : line
            }
            let rest = lines.joined(separator: "\n")
            guard !rest.trimmingSpaces().isEmpty else { return summaries }
            let padded = String(repeating: "\n", count: max(range.start.line - 1, 0)) + rest
            return summaries + flatten(MarkdownParser.parse(padded).blocks)
        }
    }

    /// Traditional Chinese when more than a fifth of the letters are CJK ideographs.
    static func detectLanguage(_ text: String) -> CourseLanguage {
        var letters = 0, cjk = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if isCJK(scalar) { cjk += 1 }
        }
        return letters > 0 && cjk * 5 > letters ? .traditionalChinese : .english
    }

    /// Han ideographs, kana, Hangul and CJK punctuation — not emoji, which sit higher still.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    static func isReferencesHeader(_ text: String) -> Bool {
        let t = text.trimmingSpaces().lowercased()
        guard !t.isEmpty, t.count <= 40 else { return false }
        if t.contains("📚") { return true }
        let words = stripDecorations(t).trimmingCharacters(in: ":").trimmingCharacters(in: "：")
        return referenceWords.contains { words.hasPrefix($0) }
    }

    static func isNotebooksTitle(_ text: String) -> Bool {
        let t = text.lowercased()
        return notebookWords.contains { t.contains($0) }
    }

    /// A title as shown: decorations stripped, but an emoji-only title keeps its emoji rather
    /// than becoming an empty heading.
    static func displayTitle(_ text: String) -> String {
        let stripped = stripDecorations(text)
        return stripped.isEmpty ? text.trimmingSpaces() : stripped
    }

    /// `🧑‍🔬 The LLM Scientist` → `The LLM Scientist`: drops emoji, variation selectors and
    /// joiners at both ends, and surrounding spaces.
    static func stripDecorations(_ text: String) -> String {
        func isDecoration(_ s: Unicode.Scalar) -> Bool {
            (s.properties.isEmoji && !s.isASCII) || s.value == 0x200D || (0xFE00...0xFE0F).contains(s.value)
                || s == " " || s == "\t" || s == "\u{00A0}"
        }
        var scalars = Array(text.unicodeScalars)
        while let f = scalars.first, isDecoration(f) { scalars.removeFirst() }
        while let l = scalars.last, isDecoration(l) { scalars.removeLast() }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    /// `1. Title` → (1, "Title"); `Title` → (nil, "Title").
    static func splitNumber(_ title: String) -> (Int?, String) {
        let digits = title.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return (nil, title) }
        let rest = title.dropFirst(digits.count)
        guard let mark = rest.first, ".、)．:".contains(mark) else { return (nil, title) }
        return (Int(digits), String(rest.dropFirst()).trimmingSpaces())
    }
}
