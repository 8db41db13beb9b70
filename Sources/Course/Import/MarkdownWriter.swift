/// Writes parsed inline content back as CommonMark, escaping what would otherwise change
/// meaning (`*`, `_`, `[`, `` ` ``, `$` for math, …). Lessons copy the README's text as
/// written (``SourceText``); this is for what the importer composes itself — headings,
/// roadmap entries, notebook table cells. Relative links and images of an imported file would
/// point nowhere in the new course, so they keep only their text.
enum MarkdownWriter {
    static func inline(_ inlines: [Inline]) -> String {
        var out = ""
        for item in inlines {
            switch item {
            case .text(let s): out += escape(s)
            case .softBreak, .lineBreak: out += " "
            case .code(let s):
                let fence = s.contains("`") ? "`` " : "`"
                out += fence + s + (fence == "`" ? "`" : " ``")
            case .html, .image: break
            case .math: out += [item].plainText
            case .emphasis(let c): out += wrap("*", inline(c))
            case .strong(let c): out += wrap("**", inline(c))
            case .link(let destination, _, let children, _):
                let text = inline(children)
                if LessonLink(destination: destination, text: "", isImage: false, range: .unknown).kind == .external {
                    out += "[\(text)](\(url(destination)))"
                } else {
                    out += text
                }
            }
        }
        return collapseSpaces(out)
    }

    static func url(_ destination: String) -> String {
        destination.contains(" ") || destination.contains("(") || destination.contains(")") ? "<\(destination)>" : destination
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\*_[]`<$".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    private static func wrap(_ marker: String, _ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty ? "" : marker + trimmed + marker
    }

    private static func collapseSpaces(_ s: String) -> String {
        var out = ""
        var lastSpace = false
        for ch in s {
            if ch == " " || ch == "\t" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out
    }
}
