/// Reads an upstream-style course README (English original or Traditional Chinese adaptation)
/// through libcmark's tree into an ``UpstreamRoadmap``.
///
/// What it understands:
/// - `##` headings are parts (emoji stripped); parts without chapters (notebooks,
///   acknowledgements) are left out.
/// - `###` headings in a part are chapters; a leading `1.`, `1、` or `1)` is the number.
/// - A list item starting with bold text is a topic: `**Name**: text`, `**Name:** text`,
///   `**Name**：text`, or `**[Name](url)** text` with no colon; `-`, `*` or `+` markers.
/// - Reference lists follow a header that mentions 📚 or says References, Resources,
///   參考資料, 參考文獻, 資源 … (a heading or a paragraph of its own), or are nested under a topic.
/// - `<details>`/`<summary>` wrappers are looked through; notebook tables (GFM pipe tables,
///   cells with HTML badges) are counted as notebooks.
public enum UpstreamRoadmapParser {
    static let referenceWords = ["reference", "resource", "further reading", "reading list",
                                 "參考資料", "參考文獻", "參考", "資源", "延伸閱讀", "學習資源", "参考资料"]

    public static func parse(_ text: String, path: String) throws(ImportError) -> UpstreamRoadmap {
        guard !text.allSatisfy(\.isWhitespace) else { throw .notARoadmap(path: path, reason: "the file is empty") }
        var state = UpstreamRoadmapWalk()
        for block in flatten(MarkdownParser.parse(text).blocks) { state.take(block) }
        state.closeChapter()
        let parts = state.parts.filter { !$0.chapters.isEmpty }
        guard !parts.isEmpty else {
            throw .notARoadmap(path: path, reason: state.parts.isEmpty
                ? "no `##` part headings were found"
                : "no `###` chapter headings were found under the `##` parts")
        }
        var roadmap = UpstreamRoadmap(title: state.title ?? "", language: detectLanguage(text),
                                      parts: parts, notebooks: state.notebooks)
        if roadmap.title.isEmpty {
            roadmap.title = roadmap.language == .english ? "Imported course" : "匯入的課程"
        }
        assignIDs(&roadmap)
        return roadmap
    }

    /// Blocks in reading order, with `<details>` wrappers opened: an HTML block that starts
    /// with `<details>`/`<summary>` may swallow Markdown up to the next blank line, so its
    /// non-tag lines are parsed again.
    static func flatten(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            guard case .htmlBlock(let html, _) = block else { return [block] }
            let trimmed = html.trimmingSpaces().lowercased()
            guard trimmed.hasPrefix("<details") || trimmed.hasPrefix("</details") || trimmed.hasPrefix("<summary") else { return [block] }
            let rest = html.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                let l = line.trimmingSpaces().lowercased()
                return !(l.hasPrefix("<details") || l.hasPrefix("</details") || l.hasPrefix("<summary") || l.hasPrefix("</summary"))
            }.joined(separator: "\n")
            return rest.trimmingSpaces().isEmpty ? [] : flatten(MarkdownParser.parse(rest).blocks)
        }
    }

    /// Traditional Chinese when more than a fifth of the letters are CJK ideographs.
    static func detectLanguage(_ text: String) -> CourseLanguage {
        var letters = 0, cjk = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { cjk += 1 }
        }
        return letters > 0 && cjk * 5 > letters ? .traditionalChinese : .english
    }

    static func isReferencesHeader(_ text: String) -> Bool {
        let t = text.trimmingSpaces().lowercased()
        guard !t.isEmpty, t.count <= 40 else { return false }
        if t.contains("📚") { return true }
        let words = stripDecorations(t).trimmingCharacters(in: ":").trimmingCharacters(in: "：")
        return referenceWords.contains { words.hasPrefix($0) }
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

    /// Ids from English titles (`pre-training`); titles without ASCII words get `part-2-chapter-3`.
    static func assignIDs(_ roadmap: inout UpstreamRoadmap) {
        var used = Set<String>()
        for p in roadmap.parts.indices {
            for c in roadmap.parts[p].chapters.indices {
                let chapter = roadmap.parts[p].chapters[c]
                let hasCJK = chapter.title.unicodeScalars.contains { $0.value >= 0x2E80 }
                var base = hasCJK ? "" : Slug.identifier(chapter.title)
                if base.count > 40 { base = String(base.prefix(40).split(separator: "-").dropLast().joined(separator: "-")) }
                if base.isEmpty { base = "part-\(p + 1)-chapter-\(chapter.number ?? c + 1)" }
                var id = base, n = 2
                while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
                used.insert(id)
                roadmap.parts[p].chapters[c].id = id
            }
        }
    }
}
