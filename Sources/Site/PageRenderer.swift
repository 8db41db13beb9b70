import Course
import Foundation

/// A heading of a rendered page, for the table of contents and the search index.
struct RenderedHeading: Equatable {
    var level: Int
    var text: String
    var anchor: String
}

/// Renders one parsed Markdown file of the course model to the HTML of a page's main column.
///
/// Everything from the file is escaped (lesson text may contain `<script>`, `&`, quotes);
/// headings get anchors; links are rewritten by ``SiteLinker``; math nodes become KaTeX
/// spans; run steps show the command and the demo's figures; includes show the live source
/// region, highlighted and linked to its file. Run steps and includes are the course model's
/// (``LessonContent``), so the site reads a block exactly as the terminal and lint do.
///
/// Usage:
/// ```swift
/// let r = PageRenderer(context: ctx)
/// let html = r.render(lesson.document)   // r.headings, r.sections, r.warnings filled in
/// ```
final class PageRenderer {
    struct Context {
        var page: String
        var sourcePath: String
        var lang: CourseLanguage
        var linker: SiteLinker
        /// Resolves includes (file and anchor) for the page.
        var course: Course
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
    private var currentLine = 0
    /// Set right after a `## Hints` heading: its list becomes one folded box per hint.
    private var inHints = false

    init(context: Context) {
        self.context = context
    }

    func render(_ document: MarkdownDocument) -> String {
        var out = ""
        for block in document.blocks {
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
            if level <= 3 { sections.append((anchor, content.readableText, "")) }
            return "<h\(level) id=\"\(HTML.escape(anchor))\">\(inlines(content))<a class=\"anchor\" href=\"#\(HTML.escape(anchor))\" aria-hidden=\"true\">#</a></h\(level)>\n"
        case .paragraph(let content, _):
            addSearchText(content.readableText)
            let visible = content.filter { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }; return true }
            if visible.count == 1, case .math(let tex, true) = visible[0] {
                return mathHTML(tex, display: true) + "\n"
            }
            return tight ? inlines(content) + "\n" : "<p>\(inlines(content))</p>\n"
        case .codeBlock(let info, let literal, _):
            addSearchText(literal)
            return codeBlock(b, info: info, literal: literal)
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
            addSearchText(row.map(\.readableText).joined(separator: " "))
            out += "<tr>" + row.enumerated().map { i, cell in "<td\(style(i))>\(inlines(cell))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    private func codeBlock(_ block: Block, info: String, literal: String) -> String {
        let content = LessonContent(blocks: [block])
        if let step = content.runSteps.first, !step.demoID.isEmpty {
            return runBlock(demo: step.demoID, command: step.command)
        }
        let lang = info.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        if let include = content.includes.first {
            return includeBlock(include, lang: lang)
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
            var name = file.hasPrefix(demo + "-") ? String(file.dropFirst(demo.count + 1).dropLast(4)) : file
            if !context.lang.fileSuffix.isEmpty, name.hasSuffix(context.lang.fileSuffix) { name = String(name.dropLast(context.lang.fileSuffix.count)) }
            out += "<figure class=\"demo-figure\"><img src=\"\(HTML.escape(src))\" alt=\"\(HTML.escape(demo)): \(HTML.escape(name))\" loading=\"lazy\"></figure>\n"
        }
        return out + "</div>\n"
    }

    private func includeBlock(_ include: Include, lang: String) -> String {
        let path = SitePaths.normalize(include.path) ?? include.path
        switch Result(catching: { () throws(CourseError) -> SourceRegion in try context.course.resolve(include, inFile: context.sourcePath) }) {
        case .success(let region):
            let page = context.linker.sourcePage(path)
            let href = SitePaths.relative(from: context.page, to: page) + "#L\(region.firstLine)"
            let label = path + (include.anchor.map { " · \($0)" } ?? "")
            return "<figure class=\"include\"><figcaption><a href=\"\(HTML.escape(href))\">\(HTML.escape(label))</a></figcaption>"
                + "<pre><code class=\"language-\(HTML.escape(lang))\">\(highlight(region.code, lang))</code></pre></figure>\n"
        case .failure(let problem):
            // The course's message carries `path:line:column:`; the page and warning add their own place.
            let message = Self.message(of: problem)
            warn(message)
            return "<div class=\"warning\">\(HTML.escape(message))</div>\n"
                + "<pre><code>\(highlight(include.placeholder, lang))</code></pre>\n"
        }
    }

    private static func message(of error: CourseError) -> String {
        if case .invalid(let diagnostic) = error { return diagnostic.message }
        return error.description
    }

    private func mathHTML(_ tex: String, display: Bool) -> String {
        hasMath = true
        return display
            ? "<div class=\"math math-display\"><code class=\"tex\">\(HTML.escape(tex.trimmingCharacters(in: .whitespacesAndNewlines)))</code></div>"
            : "<span class=\"math math-inline\"><code class=\"tex\">\(HTML.escape(tex))</code></span>"
    }

    // MARK: Inlines

    private func inlines(_ list: [Inline]) -> String {
        var out = ""
        for (i, inline) in list.enumerated() {
            switch inline {
            case .text(let t):
                // Closing punctuation right after a formula was already written with it.
                if i > 0, case .math = list[i - 1], let first = t.first, Self.closingPunctuation.contains(first) {
                    out += HTML.escape(String(t.dropFirst()))
                } else {
                    out += HTML.escape(t)
                }
            case .math(let tex, let display):
                // Keep closing punctuation on the formula's line ("…$x$。" never starts a line with "。").
                if i + 1 < list.count, case .text(let next) = list[i + 1], let first = next.first, Self.closingPunctuation.contains(first) {
                    out += "<span class=\"nowrap\">\(mathHTML(tex, display: display))\(HTML.escape(String(first)))</span>"
                } else {
                    out += mathHTML(tex, display: display)
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

    private func plain(_ list: [Inline]) -> String { Self.plain(list) }

    /// Text without markup, with formulas given as bare TeX (what anchors are made from).
    static func plain(_ list: [Inline]) -> String {
        // A displayed formula's own line breaks around its TeX are layout, not text.
        list.map { inline -> Inline in
            guard case .math(let tex, true) = inline else { return inline }
            return .math(tex: tex.trimmingCharacters(in: .whitespacesAndNewlines), display: true)
        }.plainText(delimitingMath: false)
    }

    private func addSearchText(_ text: String) {
        sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + text
    }

    private func warn(_ message: String) {
        warnings.append("\(context.sourcePath):\(max(currentLine, 1)): \(message)")
    }
}
