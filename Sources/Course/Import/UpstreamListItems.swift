/// Lists inside a chapter. A topic bullet becomes a `##` section holding the rest of its text
/// and everything nested under it (sub-topics, second paragraphs, reference lists), copied
/// as written. Other bullets — references, bullets without a link, text before a link —
/// stay a list in the lesson, exactly as the README has them.
extension UpstreamRoadmapWalk {
    mutating func listItems(_ items: [[Block]], list: Block) {
        var pending: [[Block]] = []
        for item in items {
            if !inReferences, case .paragraph(let content, let range)? = item.first, let topic = Self.topic(content) {
                keepItems(pending, markerColumn: list.range.start.column)
                pending = []
                addTopic(topic, item: item, paragraph: range, content: content)
            } else {
                pending.append(item)
            }
        }
        keepItems(pending, markerColumn: list.range.start.column)
    }

    /// Consecutive non-topic items, copied together (markers included) so a list stays one list.
    private mutating func keepItems(_ items: [[Block]], markerColumn: Int) {
        let filled = items.filter { !$0.isEmpty }
        guard let first = filled.first?.first?.range, let last = filled.last?.last?.range else { return }
        let range = SourceRange(start: SourcePosition(line: first.start.line, column: markerColumn), end: last.end)
        let copy = rewriter.rewrite(source.text(of: range), blocks: filled.flatMap { $0 })
        for note in copy.rewritten { skip(first.start.line, "list item", note) }
        chapter!.body.append(.markdown(copy.text))
        chapter!.assets += copy.assets
        chapter!.references += filled.flatMap(Self.references)
    }

    private mutating func addTopic(_ found: UpstreamRoadmap.Topic, item: [Block], paragraph: SourceRange, content: [Inline]) {
        var topic = found
        chapter!.body.append(.section(topic.name))
        let written = Self.textAfterName(source.text(of: paragraph), content) ?? topic.text
        let first = rewriter.rewrite(written, blocks: [item[0]])
        for note in first.rewritten { skip(paragraph.start.line, "topic `\(topic.name)`", note) }
        topic.text = first.text
        if !first.text.isEmpty { chapter!.body.append(.markdown(first.text)) }
        // A link on the name itself (`**[DPO](url)**`, `[**LoRA**](url)`) is listed under the text.
        for ref in topic.references {
            chapter!.body.append(.markdown("- [\(MarkdownWriter.escape(ref.title))](\(MarkdownWriter.url(ref.url)))"))
        }
        let rest = Array(item.dropFirst())
        if !rest.isEmpty {
            let copy = rewriter.rewrite(source.text(of: rest), blocks: rest)
            for note in copy.rewritten { skip(rest[0].range.start.line, "under topic `\(topic.name)`", note) }
            chapter!.body.append(.markdown(copy.text))
            chapter!.assets += copy.assets
            topic.references += rest.flatMap { block -> [UpstreamRoadmap.Reference] in
                guard case .list(_, _, let subItems, _) = block else { return [] }
                return subItems.flatMap(Self.references)
            }
        }
        chapter!.topics.append(topic)
        chapter!.assets += first.assets
    }

    /// The paragraph's text after the bold name and its separator, as written:
    /// `**Name**: text` → `text`; nil when the source does not start as the tree says.
    static func textAfterName(_ written: String, _ content: [Inline]) -> String? {
        var s = Substring(written).drop { $0 == " " }
        if s.hasPrefix("**") || s.hasPrefix("__") {
            let marker = s.prefix(2)
            guard let close = s.dropFirst(2).range(of: marker) else { return nil }
            s = s[close.upperBound...]
        } else if s.hasPrefix("["), let link = content.first(where: { if case .link = $0 { true } else { false } }),
                  case .link(let destination, _, _, _) = link,
                  let open = s.range(of: "](" + destination) ?? s.range(of: "](<" + destination),
                  let close = s[open.upperBound...].firstIndex(of: ")") {
            s = s[s.index(after: close)...]
        } else {
            return nil
        }
        s = s.drop { $0 == " " }
        if let mark = s.first, ":：".contains(mark) {
            s = s.dropFirst()
        } else if let mark = s.first, "-—–".contains(mark), s.dropFirst().first == " " {
            s = s.dropFirst()
        }
        return String(s.drop { $0 == " " || $0 == "\t" })
    }

    /// `**Name**: text`, `**Name:** text`, `**Name**：text`, `**[Name](url)** text` or
    /// `[**Name**](url): text`.
    static func topic(_ content: [Inline]) -> UpstreamRoadmap.Topic? {
        var inlines = content[...]
        while case .text(let t)? = inlines.first, t.trimmingSpaces().isEmpty { inlines = inlines.dropFirst() }
        var bold: [Inline]
        var references: [UpstreamRoadmap.Reference] = []
        switch inlines.first {
        case .strong(let children)?:
            bold = children
            if let (text, url, _) = firstLink(children) { references.append(.init(title: text, url: url, note: "")) }
        case .link(let destination, _, let children, _)?:
            let inside = children.filter { if case .text(let t) = $0 { !t.trimmingSpaces().isEmpty } else { true } }
            guard inside.count == 1, case .strong(let c) = inside[0],
                  LessonLink(destination: destination, text: "", isImage: false, range: .unknown).kind == .external else { return nil }
            bold = c
            references.append(.init(title: c.plainText.trimmingSpaces(), url: destination, note: ""))
        default:
            return nil
        }
        var name = bold.plainText.trimmingSpaces()
        while let last = name.last, last == ":" || last == "：" { name = String(name.dropLast()).trimmingSpaces() }
        guard !name.isEmpty else { return nil }
        var rest = MarkdownWriter.inline(Array(inlines.dropFirst())).trimmingSpaces()
        while let first = rest.first, ":：-—–".contains(first) { rest = String(rest.dropFirst()).trimmingSpaces() }
        return .init(name: name, text: rest, references: references)
    }
}
