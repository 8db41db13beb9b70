import Foundation

/// Notebook tables: each row keeps its name, description and every link — the article link
/// and the Colab badge, which is raw HTML (`<a href="…"><img src="…colab-badge.svg"></a>`)
/// that the Markdown tree holds as tags, not as a link.
enum NotebookRows {
    /// A cell as Markdown, each `<a href>` turned into a link labeled with its text or its
    /// image's `alt` (`[Open In Colab](https://colab…)`), and the cell's external links.
    static func cell(_ inlines: [Inline]) -> (markdown: String, links: [UpstreamRoadmap.Reference]) {
        var out = "", links: [UpstreamRoadmap.Reference] = []
        var i = 0
        while i < inlines.count {
            let inline = inlines[i]
            i += 1
            if case .html(let tag) = inline, let url = attribute("href", in: tag) {
                var label = "", alt = ""
                while i < inlines.count {
                    defer { i += 1 }
                    if case .html(let t) = inlines[i] {
                        if t.lowercased().hasPrefix("</a") { break }
                        if alt.isEmpty, let a = attribute("alt", in: t) { alt = a }
                    } else {
                        label += [inlines[i]].plainText
                    }
                }
                let title = label.trimmingSpaces().isEmpty ? (alt.isEmpty ? "link" : alt) : label.trimmingSpaces()
                out += "[\(MarkdownWriter.escape(title))](\(MarkdownWriter.url(url)))"
                links.append(.init(title: title, url: url, note: ""))
                continue
            }
            if case .html = inline { continue }  // a stray badge image or tag shows nothing useful
            if case .link(let destination, _, let children, _) = inline,
               LessonLink(destination: destination, text: "", isImage: false, range: .unknown).kind == .external {
                links.append(.init(title: UpstreamRoadmapParser.stripDecorations(children.plainText), url: destination, note: ""))
            }
            out += MarkdownWriter.inline([inline])
        }
        return (out.trimmingSpaces().replacingOccurrences(of: "|", with: "\\|"), links)
    }

    /// `attribute("href", in: "<a href=\"u\">")` → `u`.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let key = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        let rest = tag[key.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else {
            let value = rest.prefix { $0 != " " && $0 != ">" }
            return value.isEmpty ? nil : String(value)
        }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    /// The text inside the first `<tag>…</tag>` of an HTML block (inner tags removed).
    static func tagText(_ html: String, tag: String) -> String? {
        guard let open = html.range(of: "<\(tag)", options: .caseInsensitive),
              let close = html.range(of: "</\(tag)>", options: .caseInsensitive),
              let tagEnd = html[open.upperBound...].firstIndex(of: ">"), tagEnd < close.lowerBound else { return nil }
        var text = "", inTag = false
        for ch in html[html.index(after: tagEnd)..<close.lowerBound] {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension UpstreamRoadmapWalk {
    /// One row of a notebook table: kept whenever it names a notebook, whatever links it has.
    mutating func notebookRow(_ row: [[Inline]], header: [[Inline]], line: Int) {
        let cells = row.map(NotebookRows.cell)
        guard let first = row.first, !first.plainText.trimmingSpaces().isEmpty else {
            skip(line, "notebook table row", "its first cell (the notebook's name) is empty")
            return
        }
        notebooks.append(.init(group: notebookGroup, title: UpstreamRoadmapParser.displayTitle(first.plainText),
                               cells: cells.map(\.markdown), links: cells.flatMap(\.links)))
    }
}
