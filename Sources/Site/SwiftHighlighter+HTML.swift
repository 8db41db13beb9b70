import Course

/// The site's colors for the course's Swift tokens (``SwiftHighlighter`` in Course): each
/// token becomes a `<span class="hl-…">`, the rest is escaped text. Classes: `hl-kw` keyword,
/// `hl-str` string, `hl-num` number, `hl-com` comment, `hl-type` capitalised identifier,
/// `hl-attr` `@attribute`/`#directive`.
///
/// ```swift
/// SwiftHighlighter.html("let x = 1 // one")
/// // <span class="hl-kw">let</span> x = <span class="hl-num">1</span> <span class="hl-com">// one</span>
/// ```
extension SwiftHighlighter {
    /// Tokens never cross a line, so a source page can split the result by "\n" to number lines.
    static func html(_ source: String) -> String {
        highlight(source).map { line in
            line.map { token in
                guard let cls = cssClass(token.kind) else { return HTML.escape(token.text) }
                return "<span class=\"\(cls)\">\(HTML.escape(token.text))</span>"
            }.joined()
        }.joined(separator: "\n")
    }

    private static func cssClass(_ kind: Kind) -> String? {
        switch kind {
        case .plain: return nil
        case .keyword: return "hl-kw"
        case .string: return "hl-str"
        case .number: return "hl-num"
        case .comment: return "hl-com"
        case .type: return "hl-type"
        case .attribute: return "hl-attr"
        }
    }
}
