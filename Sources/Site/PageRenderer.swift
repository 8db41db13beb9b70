import Course
import Foundation

/// A heading of a rendered page, for the table of contents and the search index.
struct RenderedHeading: Equatable {
    var level: Int
    var text: String
    var anchor: String
}

/// Renders one Markdown file of the course to the HTML of a page's main column.
///
/// Everything from the file is escaped (lesson text may contain `<script>`, `&`, quotes);
/// headings get anchors; links are rewritten by ``SiteLinker``; `$…$` becomes math;
/// `run <demo>` blocks show the command and the demo's figures; `swift include=` blocks show
/// the live source region, highlighted and linked to its file.
///
/// Usage:
/// ```swift
/// let r = PageRenderer(context: ctx)
/// let html = r.render(markdownText)   // r.headings, r.sections, r.warnings filled in
/// ```
final class PageRenderer {
    struct Context {
        var page: String
        var sourcePath: String
        var lang: SiteLanguage
        var linker: SiteLinker
        var regions: SourceRegionReader
        /// Figure file names (in `figures/`) a demo produced, in order.
        var figures: (String) -> [String]
    }

    let context: Context
    private(set) var headings: [RenderedHeading] = []
    /// Text per heading section, for search: (anchor, heading, text). The first has anchor "".
    private(set) var sections: [(anchor: String, title: String, text: String)] = [("", "", "")]
    private(set) var warnings: [String] = []
    private(set) var hasMath = false
    private(set) var demos: [String] = []
    private var slugs = SlugAllocator()
    private var math: [MathSpan] = []
    private var currentLine = 0
    /// Set right after a `## Hints` heading: its list becomes one folded box per hint.
    private var inHints = false

    init(context: Context) {
        self.context = context
    }

    func render(_ markdown: String) -> String {
        let (text, spans) = MathExtractor.extract(markdown)
        math = spans
        let doc = MarkdownParser.parse(text)
        var out = ""
        for block in doc.blocks {
            if inHints, case .list(_, let tight, let items, _) = block {
                out += hints(items, tight: tight)
                continue
            }
            out += self.block(block, tight: false)
            if case .heading(let level, let content, _) = block {
                inHints = level == 2 && ["hints", "提示"].contains(plain(content).trimmingCharacters(in: .whitespaces).lowercased())
            } else if case .paragraph = block {
                // A line of introduction between the heading and the list is fine.
            } else {
                inHints = false
            }
        }
        return out
    }

    // MARK: Blocks

    private func block(_ b: Block, tight: Bool) -> String {
        currentLine = b.range.start.line
        switch b {
        case .heading(let level, let content, _):
            let title = plain(content)
            let anchor = slugs.allocate(title)
            headings.append(RenderedHeading(level: level, text: title, anchor: anchor))
            if level <= 3 { sections.append((anchor, title, "")) }
            return "<h\(level) id=\"\(HTML.escape(anchor))\">\(inlines(content))<a class=\"anchor\" href=\"#\(HTML.escape(anchor))\" aria-hidden=\"true\">#</a></h\(level)>\n"
        case .paragraph(let content, _):
            addSearchText(plain(content))
            if content.count == 1, case .text(let t) = content[0], case let pieces = MathExtractor.pieces(t.trimmingCharacters(in: .whitespaces)),
               pieces.count == 1, case .math(let n) = pieces[0], n < math.count, math[n].display {
                return mathHTML(n) + "\n"
            }
            return tight ? inlines(content) + "\n" : "<p>\(inlines(content))</p>\n"
        case .codeBlock(let info, let literal, _):
            addSearchText(literal)
            return codeBlock(info: info, literal: literal)
        case .blockQuote(let children, _):
            return "<blockquote>\n" + children.map { block($0, tight: false) }.joined() + "</blockquote>\n"
        case .list(let kind, let isTight, let items, _):
            let open: String
            switch kind {
            case .bullet: open = "<ul>"
            case .ordered(let start): open = start == 1 ? "<ol>" : "<ol start=\"\(start)\">"
            }
            let body = items.map { item in "<li>" + item.map { block($0, tight: isTight) }.joined() + "</li>\n" }.joined()
            return open + "\n" + body + (open.hasPrefix("<ul") ? "</ul>\n" : "</ol>\n")
        case .htmlBlock(let raw, _):
            return RawHTML.block(raw)
        case .thematicBreak:
            return "<hr>\n"
        case .table(let header, let alignments, let rows, _):
            return table(header, alignments, rows)
        }
    }

    /// Progressive hints: each list item folded, so a learner opens only as many as needed.
    private func hints(_ items: [[Block]], tight: Bool) -> String {
        items.enumerated().map { i, item in
            let body = item.map { block($0, tight: false) }.joined()
            return "<details class=\"hint\"><summary>\(HTML.escape(context.lang.ui.hint)) \(i + 1)</summary>\n\(body)</details>\n"
        }.joined()
    }

    private func table(_ header: [[Inline]], _ alignments: [TableAlignment], _ rows: [[[Inline]]]) -> String {
        func style(_ i: Int) -> String {
            switch i < alignments.count ? alignments[i] : .none {
            case .none: return ""
            case .left: return " style=\"text-align:left\""
            case .center: return " style=\"text-align:center\""
            case .right: return " style=\"text-align:right\""
            }
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (i, cell) in header.enumerated() { out += "<th\(style(i))>\(inlines(cell))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            addSearchText(row.map(plain).joined(separator: " "))
            out += "<tr>" + row.enumerated().map { i, cell in "<td\(style(i))>\(inlines(cell))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    private func codeBlock(info: String, literal: String) -> String {
        let words = info.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let lang = words.first ?? ""
        if lang == "run", words.count >= 2 {
            return runBlock(demo: words[1], command: literal)
        }
        if let include = words.dropFirst().first(where: { $0.hasPrefix("include=") }) {
            return includeBlock(spec: String(include.dropFirst("include=".count)), lang: lang, fallback: literal)
        }
        return "<pre><code\(lang.isEmpty ? "" : " class=\"language-\(HTML.escape(lang))\"")>\(highlight(literal, lang))</code></pre>\n"
    }

    private func highlight(_ code: String, _ lang: String) -> String {
        lang == "swift" ? SwiftHighlighter.html(code) : HTML.escape(code)
    }

    private func runBlock(demo: String, command: String) -> String {
        demos.append(demo)
        let shown = command.trimmingCharacters(in: .whitespacesAndNewlines)
        let cmd = shown.isEmpty ? "llmcourse run \(demo)" : shown
        var out = "<div class=\"run\" data-demo=\"\(HTML.escape(demo))\"><div class=\"run-head\"><span class=\"run-label\">▶ \(HTML.escape(context.lang.ui.runIt))</span> <code>\(HTML.escape(cmd))</code></div>\n"
        for file in context.figures(demo) {
            let src = SitePaths.relative(from: context.page, to: SitePaths.figure(file))
            let name = file.hasPrefix(demo + "-") ? String(file.dropFirst(demo.count + 1).dropLast(4)) : file
            out += "<figure class=\"demo-figure\"><img src=\"\(HTML.escape(src))\" alt=\"\(HTML.escape(demo)): \(HTML.escape(name))\" loading=\"lazy\"></figure>\n"
        }
        return out + "</div>\n"
    }

    private func includeBlock(spec: String, lang: String, fallback: String) -> String {
        switch context.regions.region(spec) {
        case .success(let region):
            let page = context.linker.sourcePage(region.path)
            let href = SitePaths.relative(from: context.page, to: page) + "#L\(region.firstLine)"
            let label = region.path + (region.anchor.map { " · \($0)" } ?? "")
            return "<figure class=\"include\"><figcaption><a href=\"\(HTML.escape(href))\">\(HTML.escape(label))</a></figcaption>"
                + "<pre><code class=\"language-\(HTML.escape(lang))\">\(highlight(region.text, lang))</code></pre></figure>\n"
        case .failure(let problem):
            warn(problem.description)
            return "<div class=\"warning\">\(HTML.escape(problem.description))</div>\n"
                + "<pre><code>\(highlight(fallback, lang))</code></pre>\n"
        }
    }

    private func mathHTML(_ n: Int) -> String {
        hasMath = true
        let span = math[n]
        return span.display
            ? "<div class=\"math math-display\"><code class=\"tex\">\(HTML.escape(span.tex))</code></div>"
            : "<span class=\"math math-inline\"><code class=\"tex\">\(HTML.escape(span.tex))</code></span>"
    }

    // MARK: Inlines

    private func inlines(_ list: [Inline]) -> String {
        var out = ""
        for (i, inline) in list.enumerated() {
            switch inline {
            case .text(let t):
                var pieces = MathExtractor.pieces(t)[...]
                while let piece = pieces.popFirst() {
                    switch piece {
                    case .text(let s):
                        out += HTML.escape(s)
                    case .math(let n) where n < math.count:
                        // Keep closing punctuation on the formula's line ("…$x$。" never starts a line with "。").
                        if case .text(let next)? = pieces.first, let first = next.first, Self.closingPunctuation.contains(first) {
                            out += "<span class=\"nowrap\">\(mathHTML(n))\(HTML.escape(String(first)))</span>"
                            pieces[pieces.startIndex] = .text(String(next.dropFirst()))
                        } else {
                            out += mathHTML(n)
                        }
                    case .math:
                        break
                    }
                }
            case .softBreak:
                // A line break between two CJK characters is no space at all (CSS Text 4).
                let before = i > 0 ? plain([list[i - 1]]).unicodeScalars.last : nil
                let after = i + 1 < list.count ? plain([list[i + 1]]).unicodeScalars.first : nil
                out += (before.map(SearchTokenizer.isCJK) ?? false) && (after.map(SearchTokenizer.isCJK) ?? false) ? "" : "\n"
            case .lineBreak:
                out += "<br>\n"
            case .code(let c):
                out += "<code>\(HTML.escape(c))</code>"
            case .html(let raw):
                out += RawHTML.inline(raw)
            case .emphasis(let c):
                out += "<em>\(inlines(c))</em>"
            case .strong(let c):
                out += "<strong>\(inlines(c))</strong>"
            case .link(let dest, let title, let children, _):
                let titleAttr = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
                switch context.linker.resolve(dest, sourcePath: context.sourcePath, page: context.page, lang: context.lang) {
                case .success(let href):
                    out += "<a href=\"\(HTML.url(href))\"\(titleAttr)>\(inlines(children))</a>"
                case .failure(let problem):
                    warn(problem.description)
                    out += "<span class=\"missing-link\" title=\"\(HTML.escape(context.lang.ui.planned))\">\(inlines(children))</span>"
                }
            case .image(let src, let title, let alt, _):
                let titleAttr = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
                switch context.linker.resolve(src, sourcePath: context.sourcePath, page: context.page, lang: context.lang) {
                case .success(let href):
                    out += "<img src=\"\(HTML.url(href))\" alt=\"\(HTML.escape(plain(alt)))\"\(titleAttr) loading=\"lazy\">"
                case .failure(let problem):
                    warn(problem.description)
                    out += "<span class=\"missing-link\">\(HTML.escape(plain(alt)))</span>"
                }
            }
        }
        return out
    }

    static let closingPunctuation: Set<Character> = ["。", "，", "、", "；", "：", "？", "！", "）", "」", "』", ".", ",", ";", ":", "?", "!", ")"]

    /// Text without markup, with formulas given back as TeX.
    private func plain(_ list: [Inline]) -> String {
        MathExtractor.restore(list.plainText, math)
    }

    private func addSearchText(_ text: String) {
        let restored = MathExtractor.restore(text, math)
        sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + restored
    }

    private func warn(_ message: String) {
        warnings.append("\(context.sourcePath):\(max(currentLine, 1)): \(message)")
    }
}
