import Console
import Course

/// Renders a Markdown document as terminal text: styled when color is on, clean plain text
/// (no escape codes at all) when it is off.
///
/// Every block becomes a list of ``WrappedLine``s no wider than `options.width`; containers
/// (quotes, list items) render their children narrower and prefix the lines. Blocks are
/// separated by one blank line.
///
/// Usage:
/// ```swift
/// let doc = MarkdownParser.parse(markdown)
/// let text = MarkdownRenderer(options: RenderOptions(width: 60)).render(doc)
/// print(text)
/// ```
public struct MarkdownRenderer: Sendable {
    public let options: RenderOptions

    public init(options: RenderOptions) {
        self.options = options
    }

    /// The whole document as one string, lines separated by `\n` (no trailing newline).
    public func render(_ document: MarkdownDocument) -> String {
        render(blocks: document.blocks)
    }

    public func render(blocks: [Block]) -> String {
        encode(lines(for: blocks))
    }

    /// Turns laid-out lines into output text, with or without escape codes.
    public func encode(_ lines: [WrappedLine]) -> String {
        lines.map { ANSI.encode($0.runs, color: options.color, hyperlinks: options.hyperlinks) }
            .joined(separator: "\n")
    }

    /// Lays out blocks separated by blank lines.
    public func lines(for blocks: [Block]) -> [WrappedLine] {
        var out: [WrappedLine] = []
        for block in blocks {
            let rendered = lines(for: block)
            if rendered.isEmpty { continue }
            if !out.isEmpty { out.append(.empty) }
            out += rendered
        }
        return out
    }

    func lines(for block: Block) -> [WrappedLine] {
        switch block {
        case .heading(let level, let content, _):
            return heading(level: level, content: content)
        case .paragraph(let content, _):
            if let display = displayMath(content) { return display }
            return LineWrapper.wrap(InlineRenderer(options: options).runs(content), width: options.width)
        case .codeBlock(let info, let literal, _):
            return CodeBlockRenderer(options: options).lines(info: info, literal: literal)
        case .blockQuote(let children, _):
            let inner = MarkdownRenderer(options: options.narrowed(by: 2)).lines(for: children)
            return inner.map { prefixed($0, with: StyledRun("│ ", Theme.quoteBar)) }
        case .list(let kind, let tight, let items, _):
            return list(kind: kind, tight: tight, items: items)
        case .htmlBlock(let html, _):
            let trimmed = html.trimmedWhitespace
            if trimmed.hasPrefix("<!--") { return [] }  // metadata and authors' notes stay hidden
            return trimmed.split(separator: "\n").map { WrappedLine(runs: [StyledRun(String($0), Theme.muted)], width: DisplayWidth.of($0)) }
        case .thematicBreak:
            let w = min(options.width, 72)
            return [WrappedLine(runs: [StyledRun(String(repeating: "─", count: w), Theme.rule)], width: w)]
        case .table(let header, let alignments, let rows, _):
            return TableRenderer(options: options).lines(header: header, alignments: alignments, rows: rows)
        }
    }

    private func heading(level: Int, content: [Inline]) -> [WrappedLine] {
        let style = level == 1 ? Theme.heading1 : level == 2 ? Theme.heading2 : Theme.heading3
        var runs = InlineRenderer(options: options).runs(content, base: style)
        if level >= 3 { runs.insert(StyledRun(String(repeating: "#", count: level) + " ", style), at: 0) }
        var lines = LineWrapper.wrap(runs, width: options.width)
        if level <= 2 {
            let w = lines.map(\.width).max() ?? 0
            let rule = String(repeating: level == 1 ? "═" : "─", count: w)
            let ruleStyle = level == 1 ? style : TextStyle(dim: true, foreground: style.foreground)
            lines.append(WrappedLine(runs: [StyledRun(rule, ruleStyle)], width: w))
        }
        return lines
    }

    /// A paragraph that is only `$$…$$` is shown on its own, indented, like displayed maths.
    private func displayMath(_ content: [Inline]) -> [WrappedLine]? {
        // Repaired first, so that `$$x_i … x_j$$` keeps underscores cmark took for emphasis.
        let text = InlineRenderer.repairingMath(content).plainText.trimmedWhitespace
        guard text.count > 4, text.hasPrefix("$$"), text.hasSuffix("$$") else { return nil }
        let body = MathText.prettify(String(text.dropFirst(2).dropLast(2)).trimmedWhitespace)
        return LineWrapper.wrap([StyledRun(body, Theme.math)], width: options.width - 4)
            .map { prefixed($0, with: StyledRun("    ")) }
    }

    private func list(kind: ListKind, tight: Bool, items: [[Block]]) -> [WrappedLine] {
        let markers: [String] = items.indices.map { i in
            switch kind {
            case .bullet: return ["•", "◦", "▪"][options.listDepth % 3]
            case .ordered(let start): return "\(start + i)."
            }
        }
        let markerWidth = markers.map { DisplayWidth.of($0) }.max() ?? 1
        let indent = markerWidth + 1
        var innerOptions = options.narrowed(by: indent)
        innerOptions.listDepth += 1
        let inner = MarkdownRenderer(options: innerOptions)
        var out: [WrappedLine] = []
        for (i, item) in items.enumerated() {
            if i > 0 && !tight { out.append(.empty) }
            var body: [WrappedLine] = []
            for (b, block) in item.enumerated() {
                let rendered = inner.lines(for: block)
                if rendered.isEmpty { continue }
                // Inside a tight item, a paragraph and its nested list sit on adjacent lines.
                if b > 0 && !body.isEmpty && !tight { body.append(.empty) }
                body += rendered
            }
            if body.isEmpty { body = [.empty] }
            let marker = String(repeating: " ", count: markerWidth - DisplayWidth.of(markers[i])) + markers[i] + " "
            for (k, line) in body.enumerated() {
                let prefix = k == 0 ? StyledRun(marker, Theme.listMarker) : StyledRun(String(repeating: " ", count: indent))
                out.append(line.width == 0 && k > 0 ? .empty : prefixed(line, with: prefix))
            }
        }
        return out
    }

    func prefixed(_ line: WrappedLine, with prefix: StyledRun) -> WrappedLine {
        // An empty line keeps the prefix's mark but not its trailing space.
        if line.width == 0 {
            let mark = String(prefix.text.reversed().drop(while: { $0 == " " }).reversed())
            return WrappedLine(runs: mark.isEmpty ? [] : [StyledRun(mark, prefix.style)], width: DisplayWidth.of(mark))
        }
        return WrappedLine(runs: [prefix] + line.runs, width: line.width + DisplayWidth.of(prefix.text))
    }
}
