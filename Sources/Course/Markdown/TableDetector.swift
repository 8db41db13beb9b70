/// Turns paragraphs that are GFM-style pipe tables into ``Block/table``.
///
/// libcmark implements plain CommonMark, which has no tables, so a table arrives as a paragraph.
/// This post-pass looks at the paragraph's source lines: a header row, a delimiter row such as
/// `|---|:--:|`, then body rows. Each cell's text is parsed again as inline Markdown.
enum TableDetector {
    static func rewrite(_ blocks: [Block], source: String) -> [Block] {
        // Split on bytes, not Characters: grapheme breaking over a whole lesson is costly and
        // libcmark's columns count bytes anyway.
        let bytes = Array(source.utf8)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return blocks.map { rewrite($0, lines: lines) }
    }

    private static func rewrite(_ block: Block, lines: [ArraySlice<UInt8>]) -> Block {
        switch block {
        case .paragraph(_, let r):
            return table(from: r, lines: lines) ?? block
        case .blockQuote(let children, let r):
            return .blockQuote(children: children.map { rewrite($0, lines: lines) }, range: r)
        case .list(let kind, let tight, let items, let r):
            return .list(kind: kind, tight: tight, items: items.map { $0.map { rewrite($0, lines: lines) } }, range: r)
        default:
            return block
        }
    }

    private static func table(from r: SourceRange, lines: [ArraySlice<UInt8>]) -> Block? {
        guard r.start.line >= 1, r.end.line <= lines.count, r.end.line - r.start.line >= 1,
              lines[r.start.line - 1].contains(UInt8(ascii: "|")) else { return nil }
        // Columns are counted in UTF-8 bytes by libcmark; drop the block's indentation prefix.
        let rows = (r.start.line...r.end.line).map { n -> String in
            let utf8 = lines[n - 1]
            let drop = min(max(r.start.column - 1, 0), utf8.count)
            return String(decoding: utf8.dropFirst(drop), as: UTF8.self).trimmingSpaces()
        }
        guard rows[0].contains("|"), let alignments = delimiterRow(rows[1]) else { return nil }
        let header = cells(rows[0])
        guard header.count == alignments.count else { return nil }
        let body = rows.dropFirst(2).map { row -> [[Inline]] in
            var c = cells(row).map(inlineCell)
            if c.count < alignments.count { c += Array(repeating: [], count: alignments.count - c.count) }
            return Array(c.prefix(alignments.count))
        }
        return .table(header: header.map(inlineCell), alignments: alignments, rows: body, range: r)
    }

    private static func delimiterRow(_ row: String) -> [TableAlignment]? {
        let parts = cells(row)
        guard !parts.isEmpty else { return nil }
        var out: [TableAlignment] = []
        for p in parts {
            let left = p.hasPrefix(":"), right = p.hasSuffix(":")
            let dashes = p.trimmingCharacters(in: ":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            out.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return out
    }

    /// Splits a row on `|` that is neither escaped nor inside a code span.
    static func cells(_ row: String) -> [String] {
        var s = Substring(row.trimmingSpaces())
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s = s.dropLast() }
        var out: [String] = [], current = "", inCode = false, escaped = false
        for ch in s {
            if escaped { current.append(ch == "|" ? "|" : "\\\(ch)"); escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "`": inCode.toggle(); current.append(ch)
            case "|" where !inCode: out.append(current.trimmingSpaces()); current = ""
            default: current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        out.append(current.trimmingSpaces())
        return out
    }

    private static func inlineCell(_ text: String) -> [Inline] {
        guard !text.isEmpty else { return [] }
        let doc = MarkdownParser.parse(text, protectingMath: false)
        if case .paragraph(let content, _)? = doc.blocks.first { return content }
        return [.text(text)]
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
