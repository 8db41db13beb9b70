import Course
import Foundation

/// A page's rendered main column, kept for the print page.
struct RenderedArticle {
    var html: String
    var needsMath: Bool
}

/// The whole course of one edition on one page (`lessons/print.html`), like mdBook's
/// `print.html`: every lesson in reading order, each starting on a new sheet when printed.
///
/// The page sits in `lessons/` beside the lesson pages, so the articles' relative links
/// (`../figures/…`, `../exercises/…`) are reused as rendered — no second rendering, which keeps
/// a rebuild fast. Two rewrites make one page of many:
/// - every `id` gets its lesson's id in front (`first--gradient-descent`), because two lessons
///   may share a heading ("Exercises"), and in-page `#` links follow;
/// - links to another lesson page (`second.html#tokens`) point into this page instead.
struct PrintPage {
    struct Lesson {
        var id: String
        var article: RenderedArticle
    }

    let lang: CourseLanguage
    let courseTitle: String
    let lessons: [Lesson]
    let hasKaTeX: Bool

    func html(sidebar: String) -> String {
        let path = SitePaths.printPage(lang)
        let ids = Set(lessons.map(\.id))
        var article = "<h1 class=\"print-title\">\(HTML.escape(courseTitle))</h1>\n"
        for lesson in lessons {
            article += "<section class=\"print-lesson\" id=\"\(HTML.escape(lesson.id))\">\n"
            article += Self.relink(lesson.article.html, lesson: lesson.id, lessons: ids)
            article += "</section>\n"
        }
        let layout = PageLayout(page: path, lang: lang, title: lang.ui.printCourse, courseTitle: courseTitle,
                                counterpart: SitePaths.printPage(lang.other), sidebar: sidebar, headings: [],
                                previous: nil, next: nil, notice: nil,
                                needsMath: lessons.contains { $0.article.needsMath }, hasKaTeX: hasKaTeX, bodyClass: "print-page")
        return layout.html(article: article)
    }

    /// Prefixes ids and same-page links with the lesson id, and turns links to other lessons into
    /// links within the print page. Works on the renderer's own output, whose attributes are
    /// always written `id="…"` and `href="…"` with escaped values; one pass over the bytes,
    /// as the page is rebuilt with every change.
    static func relink(_ html: String, lesson: String, lessons: Set<String>) -> String {
        let bytes = Array(html.utf8)
        let idMark = Array(" id=\"".utf8), hrefMark = Array(" href=\"".utf8)
        let prefix = Array("\(lesson)--".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        func at(_ i: Int, _ mark: [UInt8]) -> Bool {
            i + mark.count <= bytes.count && bytes[i..<(i + mark.count)].elementsEqual(mark)
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: " ") {
                if at(i, idMark) {
                    out += idMark + prefix
                    i += idMark.count
                    continue
                }
                if at(i, hrefMark) {
                    out += hrefMark
                    i += hrefMark.count
                    let end = bytes[i...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
                    out += rewrite(bytes[i..<end], prefix: prefix, lessons: lessons)
                    i = end
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `#x` → `#<lesson>--x`; `other.html#x` → `#other--x` and `other.html` → `#other` when
    /// `other` is a lesson on the page; anything else unchanged.
    private static func rewrite(_ value: ArraySlice<UInt8>, prefix: [UInt8], lessons: Set<String>) -> [UInt8] {
        if value.first == UInt8(ascii: "#") { return [UInt8(ascii: "#")] + prefix + value.dropFirst() }
        let text = String(decoding: value, as: UTF8.self)
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0].hasSuffix(".html"), !parts[0].contains("/") else { return Array(value) }
        let target = String(parts[0].dropLast(5))
        guard lessons.contains(target) else { return Array(value) }
        let anchor = parts.count > 1 && !parts[1].isEmpty ? "--" + parts[1] : ""
        return Array("#\(target)\(anchor)".utf8)
    }
}
