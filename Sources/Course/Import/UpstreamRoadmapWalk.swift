import Foundation

/// The walk over an upstream README's blocks: which part and chapter we are in, whether lists
/// are references (after a 📚 header) or topics, and whether we are in the notebooks section.
/// Each block either lands somewhere in the course, copied as written, or in ``skipped``.
struct UpstreamRoadmapWalk {
    let source: SourceText
    let file: String
    let rewriter: LinkRewriter

    var title: String?
    var introduction: [String] = []
    var parts: [UpstreamRoadmap.Part] = []
    var notebooks: [UpstreamRoadmap.Notebook] = []
    var notebooksIntroduction: [String] = []
    var assets: [String] = []
    var skipped: [UpstreamRoadmap.Skipped] = []
    /// Whether any `##` heading was seen (to tell "no parts" from "no chapters").
    var sawPart = false

    var chapter: UpstreamRoadmap.Chapter?
    var inReferences = false
    private var inNotebooks = false
    var notebookGroup = ""
    /// Blocks of the current part, reported if the part ends without chapters.
    private var partBlocks: [(line: Int, what: String)] = []
    private var partHeadingLine = 0

    init(source: SourceText, file: String, rewriter: LinkRewriter) {
        self.source = source
        self.file = file
        self.rewriter = rewriter
    }

    mutating func take(_ block: Block) {
        switch block {
        case .heading(1, let content, let range):
            if title == nil {
                title = UpstreamRoadmapParser.displayTitle(content.plainText)
            } else {
                skip(range.start.line, "heading `# \(content.plainText)`", "a second course title; the course keeps the first")
            }
        case .heading(2, let content, let range):
            startPart(content.plainText, line: range.start.line)
        case .heading(let level, let content, let range):
            let text = content.plainText
            if inNotebooks {
                notebookGroup = UpstreamRoadmapParser.displayTitle(text)
            } else if UpstreamRoadmapParser.isReferencesHeader(text) {
                if chapter != nil { startReferences(text) } else { keep(block, what: "heading `\(text)`") }
            } else if level == 3 {
                startChapter(text, line: range.start.line)
            } else {
                inReferences = false
                keep(block, what: "heading `\(text)`")
            }
        case .paragraph(let content, _):
            if chapter != nil, UpstreamRoadmapParser.isReferencesHeader(content.plainText) {
                startReferences(content.plainText)
            } else {
                keep(block, what: "paragraph")
            }
        case .list(_, _, let items, _) where chapter != nil:
            listItems(items, list: block)
        case .table(let header, _, let rows, let range) where inNotebooks:
            for (i, row) in rows.enumerated() { notebookRow(row, header: header, line: range.start.line + 2 + i) }
        case .htmlBlock(let html, let range):
            if let summary = NotebookRows.tagText(html, tag: "summary") {
                if inNotebooks {
                    notebookGroup = UpstreamRoadmapParser.displayTitle(summary)
                } else {
                    skip(range.start.line, "`<summary>\(summary)</summary>`", "the label of a folding `<details>` wrapper; its content is kept, unfolded")
                }
            } else if title == nil, parts.isEmpty, introduction.isEmpty, let name = Self.headerTitle(html) {
                // A centred header: its `<h1>`, or its banner image's alt text, names the course.
                title = UpstreamRoadmapParser.displayTitle(name)
                skip(range.start.line, "HTML header around the title", "its title became the course's `# ` title; its other links and badges are not copied")
            } else {
                keep(block, what: "HTML block")
            }
        case .thematicBreak:
            break  // a divider between chapters; the course separates them by files
        default:
            keep(block, what: Self.kind(of: block))
        }
    }

    mutating func finish() {
        closeChapter()
        closePart()
    }

    mutating func closeChapter() {
        if let c = chapter, !parts.isEmpty { parts[parts.count - 1].chapters.append(c) }
        chapter = nil
        inReferences = false
    }

    mutating func skip(_ line: Int, _ what: String, _ why: String) {
        skipped.append(.init(file: file, line: line, what: what, why: why))
    }

    /// Copies a block as written into wherever the walk is: the chapter, the part's or the
    /// README's introduction, or the notebooks page.
    mutating func keep(_ block: Block, what: String) {
        let copy = rewriter.rewrite(source.text(of: block.range), blocks: [block])
        for note in copy.rewritten { skip(block.range.start.line, what, note) }
        guard !copy.text.trimmingSpaces().isEmpty else { return }
        if chapter != nil {
            chapter!.body.append(.markdown(copy.text))
            chapter!.assets += copy.assets
        } else if inNotebooks {
            if case .paragraph = block { notebooksIntroduction.append(copy.text) } else {
                skip(block.range.start.line, what, "the notebooks section keeps its tables and paragraphs only")
            }
        } else if parts.isEmpty {
            introduction.append(copy.text)
            assets += copy.assets
        } else if case .list(.ordered, _, _, _) = block {
            skip(block.range.start.line, "numbered list", "in a part's introduction it would read as the part's chapter list")
        } else {
            parts[parts.count - 1].introduction.append(copy.text)
            assets += copy.assets
            partBlocks.append((block.range.start.line, what))
        }
    }

    private mutating func startPart(_ text: String, line: Int) {
        closeChapter()
        closePart()
        sawPart = true
        inNotebooks = UpstreamRoadmapParser.isNotebooksTitle(text)
        notebookGroup = ""
        partHeadingLine = line
        guard !inNotebooks else { return }
        parts.append(.init(title: UpstreamRoadmapParser.displayTitle(text), introduction: [], chapters: []))
    }

    /// A part that ended without chapters (acknowledgements, a star history) is not part of
    /// the course: say so for its heading and each block it held.
    private mutating func closePart() {
        defer { partBlocks = [] }
        guard !inNotebooks, let last = parts.last, last.chapters.isEmpty else { return }
        parts.removeLast()
        skip(partHeadingLine, "section `## \(last.title)`", "it has no `###` chapters, so it is not a part of the course")
        for block in partBlocks { skip(block.line, block.what, "inside `## \(last.title)`, which is not a part of the course") }
    }

    private mutating func startChapter(_ text: String, line: Int) {
        closeChapter()
        if parts.isEmpty { parts.append(.init(title: title ?? "Course", introduction: [], chapters: [])) }
        // The number first, so `1. 🚀` keeps its emoji as the title instead of becoming `1.`.
        var (number, name) = UpstreamRoadmapParser.splitNumber(text.trimmingSpaces())
        if number == nil { (number, name) = UpstreamRoadmapParser.splitNumber(UpstreamRoadmapParser.stripDecorations(text)) }
        let title = UpstreamRoadmapParser.displayTitle(name)
        chapter = .init(number: number, title: title.isEmpty ? text.trimmingSpaces() : title, id: "", line: line)
    }

    /// A 📚 header opens a references section in the lesson, named as the README names it.
    private mutating func startReferences(_ header: String) {
        inReferences = true
        var name = UpstreamRoadmapParser.stripDecorations(header)
        while let last = name.last, last == ":" || last == "：" { name = String(name.dropLast()).trimmingSpaces() }
        chapter!.body.append(.section(name.isEmpty ? "References" : name))
    }

    /// The `<h1>` text of an HTML header, else the alt text of an image in it.
    static func headerTitle(_ html: String) -> String? {
        if let h1 = NotebookRows.tagText(html, tag: "h1") { return h1 }
        guard let img = html.range(of: "<img", options: .caseInsensitive),
              let end = html[img.upperBound...].firstIndex(of: ">") else { return nil }
        return NotebookRows.attribute("alt", in: String(html[img.lowerBound...end]))?.trimmingSpaces()
    }

    static func kind(of block: Block) -> String {
        switch block {
        case .codeBlock: return "code block"
        case .blockQuote: return "quote"
        case .table: return "table"
        case .list: return "list"
        default: return "block"
        }
    }
}
