import Course

/// The frame around every page: top bar (home, search, language switch, theme toggle),
/// the course sidebar, the page's table of contents and the previous/next links.
///
/// All URLs are relative to the page, so the site works from `file://` and any static host.
struct PageLayout {
    struct Link {
        var title: String
        var path: String
    }

    var page: String
    var lang: CourseLanguage
    var title: String
    var courseTitle: String
    /// The same page in the other edition.
    var counterpart: String
    var sidebar: String
    var headings: [RenderedHeading]
    var previous: Link?
    var next: Link?
    var notice: String?
    var needsMath: Bool
    var hasKaTeX: Bool
    var bodyClass: String = ""
    /// The other edition's heading anchors, in order, so the language switch can keep the section.
    var counterpartAnchors: [String] = []
    /// Where the page's Markdown can be edited (``EditLink``); no link when nil.
    var editURL: String?

    private var anchorsAttribute: String {
        counterpartAnchors.isEmpty ? "" : " data-anchors=\"\(HTML.escape(counterpartAnchors.joined(separator: " ")))\""
    }

    func html(article: String) -> String {
        let ui = lang.ui
        func rel(_ p: String) -> String { HTML.escape(SitePaths.relative(from: page, to: p)) }
        let root = SitePaths.relative(from: page, to: "x").dropLast()
        let docTitle = title == courseTitle ? title : "\(title) — \(courseTitle)"
        let mathHead = needsMath && hasKaTeX
            ? "<link rel=\"stylesheet\" href=\"\(rel(SitePaths.asset("katex/katex.min.css")))\">\n<script src=\"\(rel(SitePaths.asset("katex/katex.min.js")))\" defer></script>\n"
            : ""
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)" data-lang="\(lang.rawValue)" data-root="\(HTML.escape(String(root)))" data-copy="\(HTML.escape(ui.copy))" data-copied="\(HTML.escape(ui.copied))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(docTitle))</title>
        <script>try{var t=localStorage.getItem("llmcourse-theme");if(t)document.documentElement.dataset.theme=t}catch(e){}</script>
        <link rel="stylesheet" href="\(rel(SitePaths.asset("site.css")))">
        <link rel="alternate" hreflang="\(lang.other.rawValue)" href="\(rel(counterpart))">
        <script src="\(rel(SitePaths.asset("site.js")))" defer></script>
        \(mathHead)</head>
        <body class="\(bodyClass)">
        <header class="topbar">
        <button class="menu-toggle" type="button" aria-controls="sidebar" aria-expanded="false" aria-label="\(HTML.escape(ui.menu))">☰</button>
        <a class="brand" href="\(rel(SitePaths.home(lang)))">\(HTML.escape(courseTitle))</a>
        <div class="search" role="search"><input type="search" id="search-input" placeholder="\(HTML.escape(ui.search))" aria-label="\(HTML.escape(ui.search))" autocomplete="off" data-index="\(rel(SitePaths.searchIndex(lang)))" data-loading="\(HTML.escape(ui.searchLoading))" data-empty="\(HTML.escape(ui.noResults))"><div id="search-results" hidden></div></div>
        <a class="lang-switch" href="\(rel(counterpart))" hreflang="\(lang.other.rawValue)" lang="\(lang.other.rawValue)"\(anchorsAttribute)>\(lang.other.nativeName)</a>
        <button class="theme-toggle" type="button" title="\(HTML.escape(ui.theme))" aria-label="\(HTML.escape(ui.theme))">◐</button>
        </header>
        <div class="layout">
        <nav id="sidebar" class="sidebar" aria-label="\(HTML.escape(ui.contents))">
        \(sidebar)</nav>
        <main class="content">

        """
        if let notice { out += "<p class=\"notice\">\(HTML.escape(notice))</p>\n" }
        out += "<article>\n\(article)</article>\n"
        if let editURL {
            out += "<p class=\"edit-page\"><a href=\"\(HTML.escape(editURL))\" rel=\"noopener\">✎ \(HTML.escape(ui.editPage))</a></p>\n"
        }
        if previous != nil || next != nil {
            out += "<nav class=\"pager\">"
            if let p = previous {
                out += "<a class=\"prev\" rel=\"prev\" href=\"\(rel(p.path))\"><small>← \(HTML.escape(ui.previous))</small>\(HTML.escape(p.title))</a>"
            }
            if let n = next {
                out += "<a class=\"next\" rel=\"next\" href=\"\(rel(n.path))\"><small>\(HTML.escape(ui.next)) →</small>\(HTML.escape(n.title))</a>"
            }
            out += "</nav>\n"
        }
        out += "</main>\n"
        let tocItems = headings.filter { $0.level == 2 || $0.level == 3 }
        if !tocItems.isEmpty {
            out += "<aside class=\"toc\"><h2>\(HTML.escape(ui.onThisPage))</h2><ul>\n"
            for h in tocItems {
                out += "<li class=\"level-\(h.level)\"><a href=\"#\(HTML.escape(h.anchor))\">\(HTML.escape(h.text))</a></li>\n"
            }
            out += "</ul></aside>\n"
        }
        out += "</div>\n</body>\n</html>\n"
        return out
    }
}
