import Foundation

/// The walk over an upstream README's blocks: which part and chapter we are in, and whether
/// lists are references (after a 📚 header) or topics.
struct UpstreamRoadmapWalk {
    var title: String?
    var parts: [UpstreamRoadmap.Part] = []
    var notebooks: [UpstreamRoadmap.Reference] = []
    private var chapter: UpstreamRoadmap.Chapter?
    private var inReferences = false

    mutating func take(_ block: Block) {
        switch block {
        case .heading(1, let content, _):
            if title == nil { title = UpstreamRoadmapParser.stripDecorations(content.plainText) }
        case .heading(2, let content, _):
            closeChapter()
            parts.append(.init(title: UpstreamRoadmapParser.stripDecorations(content.plainText), introduction: [], chapters: []))
        case .heading(let level, let content, _):
            let text = content.plainText
            if UpstreamRoadmapParser.isReferencesHeader(text) {
                inReferences = chapter != nil
            } else if level == 3 {
                closeChapter()
                if parts.isEmpty { parts.append(.init(title: title ?? "Course", introduction: [], chapters: [])) }
                let (number, name) = UpstreamRoadmapParser.splitNumber(UpstreamRoadmapParser.stripDecorations(text))
                chapter = .init(number: number, title: name, id: "", introduction: [], topics: [], references: [])
            } else {
                inReferences = false
            }
        case .paragraph(let content, _):
            paragraph(content)
        case .list(_, _, let items, _):
            guard chapter != nil else { return }
            for item in items { listItem(item) }
        case .table(let header, _, let rows, _):
            for row in rows { notebookRow(row, header: header) }
        case .htmlBlock(let html, _):
            if title == nil, let h1 = Self.h1Text(html) { title = UpstreamRoadmapParser.stripDecorations(h1) }
        case .blockQuote(let children, _):
            children.forEach { take($0) }
        case .codeBlock, .thematicBreak:
            break
        }
    }

    mutating func closeChapter() {
        if let c = chapter, !parts.isEmpty { parts[parts.count - 1].chapters.append(c) }
        chapter = nil
        inReferences = false
    }

    private mutating func paragraph(_ content: [Inline]) {
        let plain = content.plainText.trimmingSpaces()
        if UpstreamRoadmapParser.isReferencesHeader(plain) {
            inReferences = chapter != nil
            return
        }
        // Images alone (roadmap pictures, badges) carry no text worth keeping.
        let text = MarkdownWriter.paragraph(content)
        guard !text.isEmpty else { return }
        if chapter != nil {
            if chapter!.topics.isEmpty && !inReferences { chapter!.introduction.append(text) }
        } else if !parts.isEmpty {
            parts[parts.count - 1].introduction.append(text)
        }
    }

    private mutating func listItem(_ item: [Block]) {
        guard case .paragraph(let content, _)? = item.first else { return }
        let nested = item.dropFirst().flatMap { block -> [UpstreamRoadmap.Reference] in
            guard case .list(_, _, let subItems, _) = block else { return [] }
            return subItems.flatMap(Self.references)
        }
        if !inReferences, var topic = Self.topic(content) {
            topic.references += nested
            chapter!.topics.append(topic)
        } else {
            chapter!.references += Self.references([.paragraph(content: content, range: .unknown)]) + nested
        }
    }

    /// A notebook table row: its name is the first cell's text, its link the row's first
    /// external link (badges are raw HTML and carry none that cmark sees as a link).
    private mutating func notebookRow(_ row: [[Inline]], header: [[Inline]]) {
        guard let first = row.first else { return }
        let name = UpstreamRoadmapParser.stripDecorations(first.plainText.trimmingSpaces())
        guard !name.isEmpty, let (_, url, _) = row.lazy.compactMap({ Self.firstLink($0) }).first else { return }
        notebooks.append(.init(title: name, url: url, note: ""))
    }

    /// `**Name**: text`, `**Name:** text`, `**Name**：text` or `**[Name](url)** text`.
    static func topic(_ content: [Inline]) -> UpstreamRoadmap.Topic? {
        var inlines = content[...]
        while case .text(let t)? = inlines.first, t.trimmingSpaces().isEmpty { inlines = inlines.dropFirst() }
        guard case .strong(let bold)? = inlines.first else { return nil }
        var name = bold.plainText.trimmingSpaces()
        while let last = name.last, last == ":" || last == "：" { name = String(name.dropLast()).trimmingSpaces() }
        guard !name.isEmpty else { return nil }
        var rest = MarkdownWriter.inline(Array(inlines.dropFirst())).trimmingSpaces()
        while let first = rest.first, ":：-—–".contains(first) { rest = String(rest.dropFirst()).trimmingSpaces() }
        var references: [UpstreamRoadmap.Reference] = []
        if let (text, url, _) = firstLink(bold) { references.append(.init(title: text, url: url, note: "")) }
        return .init(name: name, text: rest, references: references)
    }

    /// The reference a list item's first paragraph holds, plus those of its nested lists.
    static func references(_ item: [Block]) -> [UpstreamRoadmap.Reference] {
        var out: [UpstreamRoadmap.Reference] = []
        for block in item {
            switch block {
            case .paragraph(let content, _):
                guard let (text, url, after) = firstLink(content) else { continue }
                var note = MarkdownWriter.inline(after).trimmingSpaces()
                while let first = note.first, ":：-—–".contains(first) { note = String(note.dropFirst()).trimmingSpaces() }
                out.append(.init(title: text.isEmpty ? url : text, url: url, note: note))
            case .list(_, _, let items, _):
                out += items.flatMap(references)
            default:
                continue
            }
        }
        return out
    }

    /// The first external link (searching inside emphasis), its text, and the inlines after it.
    static func firstLink(_ inlines: [Inline]) -> (String, String, [Inline])? {
        for (i, inline) in inlines.enumerated() {
            switch inline {
            case .link(let destination, _, let children, _):
                guard LessonLink(destination: destination, text: "", isImage: false, range: .unknown).kind == .external else { continue }
                let text = UpstreamRoadmapParser.stripDecorations(children.plainText)
                return (text, destination, Array(inlines[(i + 1)...]))
            case .strong(let c), .emphasis(let c):
                if let (text, url, _) = firstLink(c) { return (text, url, Array(inlines[(i + 1)...])) }
            default:
                continue
            }
        }
        return nil
    }

    /// The text of an `<h1>` in an HTML block (tags inside removed), if any.
    static func h1Text(_ html: String) -> String? {
        guard let open = html.range(of: "<h1"), let close = html.range(of: "</h1>"),
              let tagEnd = html[open.upperBound...].firstIndex(of: ">"), tagEnd < close.lowerBound else { return nil }
        var text = "", inTag = false
        for ch in html[html.index(after: tagEnd)..<close.lowerBound] {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }
}
