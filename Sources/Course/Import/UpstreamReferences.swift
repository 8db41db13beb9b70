/// Finding references (a link and the note after it) in list items, for counting and for the
/// import summary; the lesson itself keeps the items as written.
extension UpstreamRoadmapWalk {
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
            case .html(let tag):
                // `<a href="…">Title</a>`: an HTML link is a reference too.
                guard let url = NotebookRows.attribute("href", in: tag),
                      LessonLink(destination: url, text: "", isImage: false, range: .unknown).kind == .external else { continue }
                let end = inlines[(i + 1)...].firstIndex { if case .html(let t) = $0 { t.lowercased().hasPrefix("</a") } else { false } } ?? inlines.count
                let title = UpstreamRoadmapParser.stripDecorations(Array(inlines[(i + 1)..<end]).plainText)
                return (title.isEmpty ? url : title, url, Array(inlines[min(end + 1, inlines.count)...]))
            default:
                continue
            }
        }
        return nil
    }
}
