import Course
import Foundation
import Testing
@testable import Site

@Suite struct SiteUnitTests {
    @Test func escaping() {
        #expect(HTML.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(HTML.url("javascript:alert(1)") == "#")
        #expect(HTML.url("a.html?x=1&y=2") == "a.html?x=1&amp;y=2")
    }

    @Test func relativePaths() {
        #expect(SitePaths.relative(from: "zh-TW/lessons/a.html", to: "assets/site.css") == "../../assets/site.css")
        #expect(SitePaths.relative(from: "lessons/a.html", to: "lessons/b.html") == "b.html")
        #expect(SitePaths.relative(from: "index.html", to: "zh-TW/index.html") == "zh-TW/index.html")
        #expect(SitePaths.normalize("Lessons/a/../../Exercises/x/exercise.md") == "Exercises/x/exercise.md")
        #expect(SitePaths.normalize("../x") == nil)
    }

    @Test func slugs() {
        var a = SlugAllocator()
        #expect(a.allocate("Why attention?") == "why-attention")
        #expect(a.allocate("Why attention?") == "why-attention-1")
        #expect(a.allocate("注意力（Attention）") == "注意力attention")
    }

    /// The site reads formulas from the course model: the same spans every reader sees.
    @Test func mathComesFromTheCourseModel() {
        let doc = MarkdownParser.parse("a $x_1$ b `$no$` \\$5 $$\\sum$$ $5 and $10\n```\n$code$\n```\n")
        guard case .paragraph(let content, _) = doc.blocks[0], case .codeBlock(_, let code, _) = doc.blocks[1] else {
            Issue.record("unexpected blocks \(doc.blocks)"); return
        }
        let spans = content.compactMap { inline -> MathSpan? in
            if case .math(let tex, let display) = inline { return MathSpan(tex: tex, display: display) }
            return nil
        }
        #expect(spans == [MathSpan(tex: "x_1", display: false), MathSpan(tex: "\\sum", display: true)])
        let text = content.plainText(delimitingMath: false)
        #expect(text.contains("$no$") && text.contains("$5 and $10") && code == "$code$\n")
        #expect(text.hasPrefix("a x_1 b"))
    }

    struct MathSpan: Equatable { var tex: String; var display: Bool }

    @Test func swiftHighlighting() {
        let html = SwiftHighlighter.html("let s: String = \"a<b\" /* c */ @MainActor 0x1F 3.5")
        #expect(html == "<span class=\"hl-kw\">let</span> s: <span class=\"hl-type\">String</span> = <span class=\"hl-str\">&quot;a&lt;b&quot;</span> "
            + "<span class=\"hl-com\">/* c */</span> <span class=\"hl-attr\">@MainActor</span> <span class=\"hl-num\">0x1F</span> <span class=\"hl-num\">3.5</span>")
        // Spans never cross lines, so a source page can number its lines.
        #expect(SwiftHighlighter.html("/* a\nb */") == "<span class=\"hl-com\">/* a</span>\n<span class=\"hl-com\">b */</span>")
    }

    @Test func searchTokensEnglishAndCJK() {
        #expect(SearchTokenizer.terms("Attention, Is ALL you need!") == ["attention", "is", "all", "you", "need"])
        #expect(SearchTokenizer.terms("注意力機制") == ["注意", "意力", "力機", "機制"])
        #expect(SearchTokenizer.terms("用 GPT-2 生成") == ["用", "gpt", "2", "生成"])
        #expect(SearchTokenizer.terms("ＡＢＣ１２") == ["abc12"], "NFKC folds full-width forms")
    }

    @Test func searchIndexFindsBothLanguages() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let en = try f.read("assets/search-en.js")
        #expect(en.hasPrefix("window.LLMCOURSE_SEARCH = window.LLMCOURSE_SEARCH || {};\nwindow.LLMCOURSE_SEARCH[\"en\"] = {\"docs\":["))
        #expect(en.contains("[\"lessons/second.html#tokens\",\"Second steps\",\"Tokens\",\"Byte pair encoding merges pairs.\"]"))
        #expect(en.contains("\"merges\":["))
        #expect(!en.contains("</script>") && !en.contains("<script>"), "lesson text cannot close the script")
        let zh = try f.read("assets/search-zh-TW.js")
        #expect(zh.contains("\"注意\":[") && zh.contains("\"句子\":["))

        var index = SearchIndex(language: .traditionalChinese)
        index.add(url: "a.html", page: "第一步", section: "梯度下降", text: "注意力機制讓模型看見整個句子。")
        index.add(url: "b.html", page: "Second", section: "Tokens", text: "Byte pair encoding")
        #expect(index.search("機制").map(\.url) == ["a.html"])
        #expect(index.search("整個句子").map(\.url) == ["a.html"])
        #expect(index.search("句子 encoding").isEmpty, "every term must match")
        #expect(index.search("BYTE pair").map(\.url) == ["b.html"])
    }

    @Test func previewServerAnswersFiles() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let server = try PreviewServer(folder: f.out, port: 0)
        #expect(server.port > 0)
        let (status, type, body) = server.response(for: "/zh-TW/")
        #expect(status == 200 && type == "text/html; charset=utf-8")
        #expect(String(decoding: body, as: UTF8.self).contains("小小課程"))
        #expect(server.response(for: "/assets/site.css?v=1").1 == "text/css; charset=utf-8")
        #expect(server.response(for: "/nope.html").0 == 404)
        #expect(server.response(for: "/../../etc/passwd").0 == 403)
    }
}
