import Course
import Foundation
@testable import Site
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsEveryPageInBothLanguages() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        let report = try SiteBuilder(root: f.root, output: f.out).build()
        for page in ["index.html", "lessons/first.html", "lessons/second.html", "exercises/add-one.html",
                     "zh-TW/index.html", "zh-TW/lessons/first.html", "zh-TW/lessons/second.html", "zh-TW/exercises/add-one.html",
                     "source/Sources/Demo/Add.swift.html", "source/Exercises/add-one/AddOne.swift.html"] {
            #expect(FileManager.default.fileExists(atPath: f.out.appendingPathComponent(page).path), "missing \(page)")
        }
        #expect(report.pages == 12, "ten pages and a print page per edition")
        // The missing lesson is reported, not linked.
        #expect(report.warnings.contains { $0.hasPrefix("Lessons/roadmap.md:7: link to 'missing/lesson.md'") })
        #expect(try SiteChecker.check(f.out) == [])
    }

    @Test func lessonPageStructure() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let html = try f.read("lessons/first.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" data-lang=\"en\" data-root=\"../\" data-copy=\"Copy\" data-copied=\"Copied\">"))
        #expect(html.contains("<title>First steps — Tiny Course</title>"))
        #expect(html.contains("<h1 id=\"first-steps\">First steps<a class=\"anchor\" href=\"#first-steps\""))
        #expect(html.contains("<h2 id=\"gradient-descent\">"))
        #expect(html.contains("<h2 id=\"gradient-descent-1\">"), "repeated headings get unique anchors")
        #expect(html.contains("<a class=\"lang-switch\" href=\"../zh-TW/lessons/first.html\" hreflang=\"zh-TW\" lang=\"zh-TW\" data-anchors=\"第一步 梯度下降\">繁體中文</a>"))
        #expect(html.contains("<a class=\"next\" rel=\"next\" href=\"second.html\">"))
        #expect(html.contains("<a class=\"prev\" rel=\"prev\" href=\"../index.html\">"))
        #expect(html.contains("<a href=\"second.html#tokens\">the next lesson</a>"))
        #expect(html.contains("<a href=\"../exercises/add-one.html\">the exercise</a>"))
        #expect(html.contains("<a href=\"first.html\" aria-current=\"page\">First steps</a>"), "sidebar marks the page")
        #expect(html.contains("<span class=\"planned\""), "unwritten lesson listed without a link")
        #expect(html.contains("<aside class=\"toc\">"))
        #expect(html.contains("<li class=\"level-2\"><a href=\"#gradient-descent\">Gradient descent</a></li>"))
        #expect(html.contains("<td style=\"text-align:right\">2</td>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">"))
        #expect(!html.contains("lesson\nid: first"), "metadata comment is hidden")
    }

    @Test func lessonTextIsEscaped() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let html = try f.read("lessons/first.html")
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&amp; &quot;quotes&quot; and &#39;single&#39;."))
    }

    @Test func translationAndFallback() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let zh = try f.read("zh-TW/lessons/first.html")
        #expect(zh.contains("<html lang=\"zh-TW\" data-lang=\"zh-TW\" data-root=\"../../\" data-copy=\"複製\" data-copied=\"已複製\">"))
        #expect(zh.contains("<h2 id=\"梯度下降\">"))
        #expect(zh.contains("注意力機制讓模型看見整個句子。"), "a line break between CJK characters adds no space")
        #expect(zh.contains("損失為 <span class=\"nowrap\"><span class=\"math math-inline\"><code class=\"tex\">L</code></span>。</span>"),
                "closing punctuation stays on the formula's line")
        #expect(zh.contains("<a class=\"lang-switch\" href=\"../../lessons/first.html\" hreflang=\"en\" lang=\"en\" data-anchors=\"first-steps gradient-descent gradient-descent-1\">English</a>"))
        #expect(zh.contains("<a class=\"brand\" href=\"../index.html\">小小課程</a>"))
        #expect(zh.contains(">第二步</a>"), "sidebar titles come from the translation")
        #expect(zh.contains("<p class=\"notice\">英文原文在翻譯完成後又有修改"), "the fixture's source-hash is out of date")
        // With the right hash the notice goes away.
        let english = try String(contentsOf: f.root.appendingPathComponent("Lessons/first/lesson.md"), encoding: .utf8)
        let hash = SHA256.digest(Array(english.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        try f.write("Lessons/first/lesson.zh-TW.md", "<!-- translation\nsource-hash: \(hash)\n-->\n# 第一步\n")
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        #expect(!(try f.read("zh-TW/lessons/first.html")).contains("class=\"notice\""))
        // The second lesson has no translation: English text with a notice.
        let zh2 = try f.read("zh-TW/lessons/second.html")
        #expect(zh2.contains("<p class=\"notice\">本頁尚未翻譯"))
        #expect(zh2.contains("Byte pair encoding merges pairs."))
    }

    @Test func includesMathRunStepsAndFigures() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        let runs = RunCounter()
        let cache = f.root.appendingPathComponent("cache")
        let builder = SiteBuilder(root: f.root, output: f.out, figures: SiteFixture.countingFigures(runs), figureCache: cache)
        let first = try builder.build()
        #expect(first.demosRun == ["curve"])
        let html = try f.read("lessons/first.html")
        #expect(html.contains("<figcaption><a href=\"../source/Sources/Demo/Add.swift.html#L4\">Sources/Demo/Add.swift · add</a></figcaption>"))
        #expect(html.contains("<span class=\"hl-kw\">public</span> <span class=\"hl-kw\">func</span> add"))
        #expect(html.contains("<span class=\"hl-com\">// &quot;one&quot;</span>"))
        #expect(!html.contains("ANCHOR"))
        #expect(html.contains("<span class=\"math math-inline\"><code class=\"tex\">w \\leftarrow w - \\eta \\nabla L</code></span> and"))
        #expect(html.contains("costs $5 or $10."))
        #expect(html.contains("<div class=\"math math-display\"><code class=\"tex\">L = \\frac{1}{n} \\sum_i (y_i - \\hat y_i)^2</code></div>"))
        #expect(html.contains("<code>llmcourse run curve</code>"))
        #expect(html.contains("<img src=\"../figures/curve-loss.svg\" alt=\"curve: loss\" loading=\"lazy\">"))
        let source = try f.read("source/Sources/Demo/Add.swift.html")
        #expect(source.contains("<span class=\"line\" id=\"L4\"><a class=\"ln\" href=\"#L4\">4</a><span class=\"hl-com\">/// Adds one.</span></span>"))

        // A rebuild without changes runs nothing; a changed input runs the demo again.
        let second = try builder.build()
        #expect(second.demosRun == [] && second.demosReused == ["curve"])
        #expect(runs.value == 1)
        try f.write("Sources/Demo/Add.swift", "// changed\n// ANCHOR: add\nlet x = 1\n// ANCHOR_END: add\n")
        _ = try builder.build()
        #expect(runs.value == 2)
        #expect(try SiteChecker.check(f.out) == [])
    }

    @Test func quickFiguresNeverStandInForFullOnes() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        let render: @Sendable (String, URL) throws -> [String] = { _, _ in [] }
        let full = FigureCache(cacheFolder: f.root, root: f.root, source: FigureSource(inputs: { _ in [] }, render: render))
        let quick = FigureCache(cacheFolder: f.root, root: f.root, source: FigureSource(quick: true, inputs: { _ in [] }, render: render))
        #expect(full.cacheKey("curve", []) != quick.cacheKey("curve", []))
        #expect(full.cacheKey("curve", []) == full.cacheKey("curve", []))
    }

    @Test func aStuckDemoIsLeftOutNotWaitedForever() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        let slow = FigureSource(inputs: { _ in [] }, render: { _, _ in Thread.sleep(forTimeInterval: 5); return [] })
        var builder = SiteBuilder(root: f.root, output: f.out, figures: slow, figureCache: f.root.appendingPathComponent("cache"))
        builder.demoTimeout = 0.3
        let report = try builder.build()
        // Had the build waited for the 5 s demo, it would have finished and left no warning.
        #expect(report.warnings.contains { $0.hasPrefix("run curve: the demo failed (did not finish within 0 s") })
        #expect(try SiteChecker.check(f.out) == [])
    }

    @Test func exercisePageHasHintsStarterAndWayBack() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        let html = try f.read("exercises/add-one.html")
        #expect(html.contains("<details class=\"hint\"><summary>Hint 1</summary>"))
        #expect(html.contains("<a href=\"../source/Exercises/add-one/AddOne.swift.html\"><code>Exercises/add-one/AddOne.swift</code></a>"))
        #expect(html.contains("<a href=\"../lessons/first.html\">← Back to the lesson: First steps</a>"))
        let lesson = try f.read("lessons/first.html")
        #expect(lesson.contains("<a href=\"../exercises/add-one.html\">Add one</a> — <code>llmcourse check add-one</code>"))
    }

    @Test func checkerReportsBrokenLinksAnchorsAndImages() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        _ = try SiteBuilder(root: f.root, output: f.out).build()
        try Data("<a href=\"lessons/nope.html\">x</a> <a href=\"lessons/second.html#nowhere\">y</a> <img src=\"figures/none.svg\"> <a href=\"https://example.org\">ok</a>".utf8)
            .write(to: f.out.appendingPathComponent("extra.html"))
        let problems = try SiteChecker.check(f.out).map(\.description)
        #expect(problems == [
            "extra.html: href=\"lessons/nope.html\": lessons/nope.html does not exist",
            "extra.html: href=\"lessons/second.html#nowhere\": no id \"nowhere\" in lessons/second.html",
            "extra.html: src=\"figures/none.svg\": figures/none.svg does not exist",
        ])
    }

    @Test func refusesToOverwriteAForeignFolder() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        try f.write("site-out/notes.txt", "mine")
        #expect(throws: SiteError.self) { try SiteBuilder(root: f.root, output: f.out).build() }
    }
}

@Suite struct TranslatedFigureTests {
    /// A source whose demo `curve` draws `curve-loss.svg` in English and `curve-loss.zh-TW.svg`
    /// in Chinese, as the demo registry's source does.
    static func translatedFigures(_ runs: RunCounter) -> FigureSource {
        FigureSource(inputs: { $0 == "curve" ? ["Sources/Demo"] : nil }, renderIn: { id, language, folder in
            runs.increment()
            let title = language == .english ? "loss" : "損失"
            try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\(title)</title></svg>".utf8)
                .write(to: folder.appendingPathComponent("\(id)-loss\(language.fileSuffix).svg"))
            return ["loss"]
        })
    }

    @Test func chinesePagesShowChineseFigures() throws {
        let f = try SiteFixture()
        defer { f.remove() }
        try f.write("Lessons/first/lesson.zh-TW.md", "# 第一步\n\n## 梯度下降\n\n```run curve\nllmcourse run curve --lang zh-TW\n```\n")
        let runs = RunCounter()
        let builder = SiteBuilder(root: f.root, output: f.out, figures: Self.translatedFigures(runs),
                                  figureCache: f.root.appendingPathComponent("cache"))
        let first = try builder.build()
        #expect(first.demosRun == ["curve"])
        #expect(runs.value == 2)   // once per edition
        #expect(try f.read("lessons/first.html").contains("<img src=\"../figures/curve-loss.svg\" alt=\"curve: loss\""))
        let zh = try f.read("zh-TW/lessons/first.html")
        #expect(zh.contains("<img src=\"../../figures/curve-loss.zh-TW.svg\" alt=\"curve: loss\""))
        #expect(try f.read("figures/curve-loss.zh-TW.svg").contains("損失"))
        #expect(try f.read("figures/curve-loss.svg").contains("<title>loss</title>"))

        // Both editions' figures come from the cache the second time.
        let second = try builder.build()
        #expect(second.demosRun == [] && second.demosReused == ["curve"])
        #expect(runs.value == 2)
        #expect(try SiteChecker.check(f.out) == [])
    }
}
