import Course

/// A page showing one whole source file, highlighted, with a numbered anchor per line (`#L42`)
/// so an included region can link to the exact place it comes from.
struct SourcePage {
    var path: String
    var text: String
    var course: SiteCourse
    /// The English sidebar (built once per site: source pages are not translated).
    var sidebar: SidebarBuilder

    /// The sidebar for source pages, with English titles.
    static func sidebar(for course: SiteCourse) -> SidebarBuilder {
        SidebarBuilder(course: course, lang: .english,
                       lessonTitles: LanguagePages.titles(course.lessonIDs) { LanguagePages.title(course.lesson($0, .english).lesson) },
                       exerciseTitles: LanguagePages.titles(course.exerciseIDs) { LanguagePages.title(course.exercise($0, .english).exercise) })
    }

    func html() -> String {
        let page = SitePaths.sourcePage(path)
        let highlighted = path.hasSuffix(".swift") ? SwiftHighlighter.html(text) : HTML.escape(text)
        var lines = highlighted.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var body = "<h1>\(HTML.escape(path))</h1>\n<pre><code class=\"language-swift\">"
        for (i, line) in lines.enumerated() {
            body += "<span class=\"line\" id=\"L\(i + 1)\"><a class=\"ln\" href=\"#L\(i + 1)\">\(i + 1)</a>\(line)</span>"
        }
        body += "</code></pre>\n"
        let layout = PageLayout(page: page, lang: .english, title: path, courseTitle: course.courseTitle(.english),
                                counterpart: SitePaths.home(.traditionalChinese), sidebar: sidebar.html(current: page), headings: [],
                                previous: nil, next: nil, notice: nil, needsMath: false, hasKaTeX: false, bodyClass: "source-page")
        return layout.html(article: body)
    }
}
