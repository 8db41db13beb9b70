import Course
import Foundation
@testable import Site
import Testing

/// The reader's tools around the lesson text: edit link, print page, language switch that keeps
/// the section, copy buttons, arrow keys and live reload in the preview.
@Suite struct PageToolsTests {
    @Test func editLinkOnlyWhenARepositoryIsGiven() throws {
        #expect(EditLink(repositoryURL: nil) == nil && EditLink(repositoryURL: "  ") == nil)
        #expect(EditLink(repositoryURL: "https://github.com/o/r.git/")!.url(for: "Lessons/rag/lesson.zh-TW.md")
                == "https://github.com/o/r/edit/main/Lessons/rag/lesson.zh-TW.md")
        #expect(EditLink(repositoryURL: "https://gitlab.com/o/r/-/edit/dev/{path}")!.url(for: "Lessons/a b/lesson.md")
                == "https://gitlab.com/o/r/-/edit/dev/Lessons/a%20b/lesson.md")

        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        #expect(!(try f.read("lessons/first.html")).contains("edit-page"))
        var builder = SiteBuilder(root: f.root, output: f.out)
        builder.editLink = EditLink(repositoryURL: "https://github.com/o/tiny")
        _ = try builder.build()
        #expect(try f.read("lessons/first.html").contains("<p class=\"edit-page\"><a href=\"https://github.com/o/tiny/edit/main/Lessons/first/lesson.md\" rel=\"noopener\">✎ Edit this page</a></p>"))
        #expect(try f.read("zh-TW/lessons/first.html").contains("href=\"https://github.com/o/tiny/edit/main/Lessons/first/lesson.zh-TW.md\" rel=\"noopener\">✎ 編輯此頁</a>"))
        #expect(try f.read("exercises/add-one.html").contains("/edit/main/Exercises/add-one/exercise.md\""))
    }

    @Test func printPageHoldsEveryLessonInOrder() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let print = try f.read("lessons/print.html")
        let first = try #require(print.range(of: "<section class=\"print-lesson\" id=\"first\">"))
        let second = try #require(print.range(of: "<section class=\"print-lesson\" id=\"second\">"))
        #expect(first.lowerBound < second.lowerBound, "reading order")
        #expect(print.contains("<h2 id=\"first--gradient-descent\">") && print.contains("<h2 id=\"second--tokens\">"),
                "ids are made unique per lesson")
        #expect(print.contains("<a href=\"#second--tokens\">the next lesson</a>"), "links between lessons stay on the page")
        #expect(print.contains("<a href=\"../exercises/add-one.html\">"), "other links are unchanged")
        #expect(print.contains("katex.min.js") || !print.contains("class=\"math"), "math is typeset when KaTeX is bundled")
        #expect(try f.read("zh-TW/lessons/print.html").contains("<section class=\"print-lesson\" id=\"first\">"))
        // Linked from every page's sidebar.
        #expect(try f.read("lessons/second.html").contains("<a class=\"print-link\" href=\"print.html\">Whole course on one page (print)</a>"))
        #expect(try f.read("zh-TW/index.html").contains("<a class=\"print-link\" href=\"lessons/print.html\">整份課程（列印用）</a>"))
        #expect(try SiteChecker.check(f.out) == [])
    }

    @Test func languageSwitchKnowsTheOtherEditionsSections() throws {
        let doc = MarkdownParser.parse("# A\n\n## B\n\n> ## B\n\n- ### C\n")
        #expect(SlugAllocator.anchors(of: doc.blocks) == ["a", "b", "b-1", "c"])
        let js = SiteScript.source
        #expect(js.contains("link.dataset.anchors"), "the switch maps the current section by position")
    }

    @Test func copyButtonsAndArrowKeys() {
        let js = SiteScript.source
        #expect(js.contains("button.className = \"copy-code\""))
        #expect(js.contains(".pager a[rel=prev]") && js.contains(".pager a[rel=next]"))
        #expect(js.contains("/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)"), "no page turns while typing in the search box")
        #expect(StyleSheet.source.contains(".copy-code"))
    }

    @Test func previewReloadsAfterARebuild() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let plain = try PreviewServer(folder: f.out, port: 0)
        #expect(!String(decoding: plain.response(for: "/lessons/first.html").2, as: UTF8.self).contains("__llmcourse"))
        #expect(plain.response(for: LiveReload.endpoint).0 == 404, "no endpoint without live reload")

        let reload = LiveReload()
        let server = try PreviewServer(folder: f.out, port: 0, liveReload: reload)
        let page = String(decoding: server.response(for: "/lessons/first.html").2, as: UTF8.self)
        #expect(page.contains("var served = \"0\";") && page.contains("fetch(\"/__llmcourse/build\""))
        #expect(page.hasSuffix("})();</script>\n</body>\n</html>\n"))
        #expect(String(decoding: server.response(for: LiveReload.endpoint).2, as: UTF8.self) == "0\n")
        reload.built()
        #expect(String(decoding: server.response(for: LiveReload.endpoint).2, as: UTF8.self) == "1\n")
        #expect(server.response(for: "/assets/site.css").2 == (try Data(contentsOf: f.out.appendingPathComponent("assets/site.css"))),
                "only HTML pages get the script")
        #expect(!(try f.read("lessons/first.html")).contains("__llmcourse"), "the built files stay clean")
    }
}
