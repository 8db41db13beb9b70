import CCmark

/// Parses CommonMark text through libcmark's syntax tree into ``MarkdownDocument``.
///
/// Usage:
/// ```swift
/// let doc = MarkdownParser.parse("# Title\n\nSome *text*.")
/// // doc.blocks == [.heading(level: 1, ...), .paragraph(...)]
/// ```
public enum MarkdownParser {
    public static func parse(_ source: String) -> MarkdownDocument {
        parse(source, protectingMath: true)
    }

    /// `protectingMath: false` for text whose math is already protected (table cells cut from
    /// the protected source).
    static func parse(_ source: String, protectingMath: Bool) -> MarkdownDocument {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let protected = protectingMath ? MathProtection.protect(source) : source
        let utf8 = Array(protected.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                cmark_parse_document($0, buf.count, options)
            }
        }) else {
            return MarkdownDocument(blocks: [], source: source)
        }
        defer { cmark_node_free(root) }
        let blocks = children(of: root).compactMap(block)
        return MarkdownDocument(blocks: TableDetector.rewrite(blocks, source: protected), source: source)
    }

    // MARK: - Conversion from libcmark nodes

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private static func range(_ node: OpaquePointer) -> SourceRange {
        SourceRange(
            start: SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            end: SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        )
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer) -> Block? {
        let r = range(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(node, r), range: r)
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(content: inlines(node, r), range: r)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: verbatim(cmark_node_get_literal(node)), range: r)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(children: children(of: node).compactMap(block), range: r)
        case CMARK_NODE_LIST:
            let kind: ListKind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node))) : .bullet
            let items = children(of: node).map { children(of: $0).compactMap(block) }
            return .list(kind: kind, tight: cmark_node_get_list_tight(node) != 0, items: items, range: r)
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(verbatim(cmark_node_get_literal(node)), range: r)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(range: r)
        default:
            return nil
        }
    }

    /// Text where `$` means nothing (code, raw HTML, URLs): math markers become `$` again.
    private static func verbatim(_ p: UnsafePointer<CChar>?) -> String {
        MathInlines.restore(string(p))
    }

    private static func inlines(_ node: OpaquePointer, _ enclosing: SourceRange) -> [Inline] {
        MathInlines.fold(children(of: node).compactMap { inline($0, enclosing) })
    }

    private static func inline(_ node: OpaquePointer, _ enclosing: SourceRange) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(verbatim(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(verbatim(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis(inlines(node, enclosing))
        case CMARK_NODE_STRONG: return .strong(inlines(node, enclosing))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let own = range(node)
            let r = own.start.line > 0 ? own : enclosing
            let url = verbatim(cmark_node_get_url(node))
            let title = verbatim(cmark_node_get_title(node))
            let kids = inlines(node, enclosing)
            return cmark_node_get_type(node) == CMARK_NODE_LINK
                ? .link(destination: url, title: title, children: kids, range: r)
                : .image(source: url, title: title, alt: kids, range: r)
        default: return nil
        }
    }
}
