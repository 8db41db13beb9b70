/// The machine-readable elements of a run of blocks — code blocks, run steps, includes and
/// links — collected by one walk over the tree (nested lists and quotes included).
public struct LessonContent: Hashable, Sendable {
    public var codeBlocks: [CodeBlock] = []
    public var runSteps: [RunStep] = []
    public var includes: [Include] = []
    public var links: [LessonLink] = []

    public init() {}

    public init(blocks: [Block]) {
        for block in blocks { collect(block) }
    }

    mutating func append(_ other: LessonContent) {
        codeBlocks += other.codeBlocks
        runSteps += other.runSteps
        includes += other.includes
        links += other.links
    }

    private mutating func collect(_ block: Block) {
        switch block {
        case .heading(_, let content, _), .paragraph(let content, _):
            collect(content)
        case .codeBlock(let info, let literal, let range):
            let code = CodeBlock(info: info, code: literal, range: range)
            codeBlocks.append(code)
            if code.language == "run" {
                let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
                runSteps.append(RunStep(demoID: words.count > 1 ? String(words[1]) : "", command: literal, range: range))
            }
            if let target = code.attributes["include"] {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                includes.append(Include(path: parts[0], anchor: parts.count > 1 ? parts[1] : nil,
                                        language: code.language, placeholder: literal, range: range))
            }
        case .blockQuote(let children, _):
            children.forEach { collect($0) }
        case .list(_, _, let items, _):
            items.forEach { $0.forEach { collect($0) } }
        case .table(let header, _, let rows, _):
            header.forEach { collect($0) }
            rows.forEach { $0.forEach { collect($0) } }
        case .htmlBlock, .thematicBreak:
            break
        }
    }

    private mutating func collect(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .link(let destination, _, let children, let range):
                links.append(LessonLink(destination: destination, text: children.plainText, isImage: false, range: range))
                collect(children)
            case .image(let source, _, let alt, let range):
                links.append(LessonLink(destination: source, text: alt.plainText, isImage: true, range: range))
            case .emphasis(let children), .strong(let children):
                collect(children)
            case .text, .softBreak, .lineBreak, .code, .html, .math:
                break
            }
        }
    }

    /// Anchors of every heading in `blocks` (any level, nested ones included), de-duplicated
    /// in order as renderers do.
    public static func headingAnchors(in blocks: [Block]) -> [String] {
        headings(in: blocks).map(\.anchor)
    }

    /// Every heading in `blocks`, in file order, with its de-duplicated anchor.
    public static func headings(in blocks: [Block]) -> [(level: Int, title: String, anchor: String, range: SourceRange)] {
        var found: [(Int, String, SourceRange)] = []
        func walk(_ block: Block) {
            switch block {
            case .heading(let level, let content, let range): found.append((level, content.plainText, range))
            case .blockQuote(let children, _): children.forEach(walk)
            case .list(_, _, let items, _): items.forEach { $0.forEach(walk) }
            default: break
            }
        }
        blocks.forEach(walk)
        let anchors = Slug.uniqueAnchors(found.map(\.1))
        return zip(found, anchors).map { ($0.0, $0.1, $1, $0.2) }
    }
}
