/// Lesson ids for imported chapters. Ids are permanent (progress files and links use them), so
/// they come from the English title when there is one, cut at a word boundary; a chapter
/// whose title has no English words (a Chinese-only import) gets its position,
/// `part-2-chapter-1`. When both editions are imported, the Chinese chapters take the English
/// ids by position, so the two READMEs make one bilingual course. An `--ids` file overrides
/// any of them:
///
/// ```text
/// # <part>.<chapter> or the derived id, then the id to use
/// 1.1  math-for-ml
/// the-transformer-architecture  llm-architecture
/// ```
enum ChapterIDs {
    static let maxLength = 40
    /// Words a cut id should not end on: `fine-tuning-with` reads as cut mid-phrase.
    static let danglingWords: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into",
                                             "of", "on", "or", "the", "to", "vs", "with", "without"]

    static func assign(_ roadmap: inout UpstreamRoadmap) {
        var used = Set<String>()
        for p in roadmap.parts.indices {
            for c in roadmap.parts[p].chapters.indices {
                let base = derived(roadmap.parts[p].chapters[c].title, part: p + 1, chapter: c + 1)
                var id = base, n = 2
                while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
                used.insert(id)
                roadmap.parts[p].chapters[c].id = id
            }
        }
    }

    /// The id a title gives: its English words (emoji and punctuation dropped), or the
    /// chapter's position when the title is Chinese or has no letters at all.
    static func derived(_ title: String, part: Int, chapter: Int) -> String {
        let hasCJK = title.unicodeScalars.contains(where: UpstreamRoadmapParser.isCJK)
        let slug = hasCJK ? "" : cut(Slug.identifier(title))
        return slug.isEmpty ? "part-\(part)-chapter-\(chapter)" : slug
    }

    /// `a-very-long-title-about-fine-tuning-with-adapters` → whole words within 40 characters,
    /// without a dangling `with`/`for`/`and` at the end.
    static func cut(_ slug: String) -> String {
        guard slug.count > maxLength else { return slug }
        var words: [Substring] = []
        var length = 0
        for word in slug.split(separator: "-") {
            let added = length + (words.isEmpty ? 0 : 1) + word.count
            if added > maxLength { break }
            words.append(word)
            length = added
        }
        while words.count > 1, let last = words.last, danglingWords.contains(String(last)) { words.removeLast() }
        return words.isEmpty ? String(slug.prefix(maxLength)) : words.joined(separator: "-")
    }

    /// Applies an `--ids` file: each line names a chapter (`2.1`, or its derived id) and the
    /// id to give it. Throws for a line it cannot use and for two chapters with one id.
    static func apply(mapping text: String, path: String, to roadmap: inout UpstreamRoadmap) throws(ImportError) {
        var chosen: [String: String] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fields = line.split { $0 == " " || $0 == "\t" || $0 == "=" || $0 == ":" || $0 == "\r" }.map(String.init)
            guard !fields.isEmpty else { continue }
            guard fields.count == 2, Slug.isValidIdentifier(fields[1]), position(fields[0], in: roadmap) != nil else {
                throw .badIDLine(path: path, line: offset + 1, text: line.trimmingSpaces())
            }
            chosen[fields[0]] = fields[1]
        }
        var used = Set<String>()
        for p in roadmap.parts.indices {
            for c in roadmap.parts[p].chapters.indices {
                let chapter = roadmap.parts[p].chapters[c]
                if let id = chosen["\(p + 1).\(c + 1)"] ?? chosen[chapter.id] { roadmap.parts[p].chapters[c].id = id }
                guard used.insert(roadmap.parts[p].chapters[c].id).inserted else {
                    throw .duplicateID(id: roadmap.parts[p].chapters[c].id)
                }
            }
        }
    }

    /// The (part, chapter) a mapping key names, if any.
    static func position(_ key: String, in roadmap: UpstreamRoadmap) -> (Int, Int)? {
        for (p, part) in roadmap.parts.enumerated() {
            for (c, chapter) in part.chapters.enumerated() where key == "\(p + 1).\(c + 1)" || key == chapter.id {
                return (p, c)
            }
        }
        return nil
    }
}
