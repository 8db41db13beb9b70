import Console
import Course
@testable import Terminal
import Testing

@Suite("Markdown rendering snapshots")
struct RendererSnapshotTests {
    static let includeSource: @Sendable (String) -> String? = { ref in
        ref == "Sources/Demo/Scores.swift#scores" ? "func live() -> Int {\n    42  // from the source file\n}\n" : nil
    }

    func render(_ markdown: String, width: Int, color: Bool = false, hyperlinks: Bool = false,
                language: CourseLanguage = .english) -> String {
        let options = RenderOptions(width: width, color: color, hyperlinks: hyperlinks, language: language,
                                    includeSource: Self.includeSource)
        return MarkdownRenderer(options: options).render(MarkdownParser.parse(markdown))
    }

    @Test(arguments: [20, 40, 80])
    func plainSampleAtWidth(_ width: Int) throws {
        let out = render(try Fixture.text("sample.md"), width: width)
        Snapshot.check(out, named: "sample-plain-\(width)")
        #expect(!out.contains("\u{1B}"), "plain output must not contain escape codes")
        for line in out.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width, "line wider than \(width): \(line)")
            for mark in ["，", "。", "、", "」", "）", "："] {
                #expect(!line.trimmedWhitespace.hasPrefix(mark) || line.contains("│"), "kinsoku broken: \(line)")
            }
        }
    }

    @Test func colourSample() throws {
        let out = render(try Fixture.text("sample.md"), width: 80, color: true)
        Snapshot.check(out, named: "sample-color-80")
        #expect(out.contains("\u{1B}[1;35m"), "the title is bold magenta")
        #expect(!out.contains("\u{1B}]8;;"), "no OSC 8 when hyperlinks are off")
        #expect(out.contains("(https://arxiv.org/abs/1706.03762)"), "URL shown when hyperlinks are off")
    }

    @Test func hyperlinksOn() {
        let out = render("Read [the paper](https://arxiv.org/abs/1706.03762) now.", width: 80, color: true, hyperlinks: true)
        Snapshot.check(out, named: "link-osc8-on")
        #expect(out.contains("\u{1B}]8;;https://arxiv.org/abs/1706.03762\u{1B}\\"))
        #expect(!out.contains("(https://"))
    }

    @Test func courseLinksNameTheCommandThatOpensThem() {
        #expect(render("See [RAG](../rag/lesson.zh-TW.md#流程).", width: 80) == "See RAG (→ llmcourse read rag).")
        #expect(render("Try [it](../../Exercises/tf-idf/exercise.md).", width: 80) == "Try it (→ llmcourse check tf-idf).")
        #expect(render("Code in [Linear](../../Sources/NeuralNets/Linear.swift).", width: 80)
            == "Code in Linear (../../Sources/NeuralNets/Linear.swift).")
    }

    @Test func wrappedHyperlinkIsClosedOnEveryLine() {
        let out = render("See [a link whose text wraps over several lines](https://example.org/x) here.",
                         width: 20, color: true, hyperlinks: true)
        let linkLines = out.split(separator: "\n").filter { $0.contains("\u{1B}]8;;https") }
        #expect(linkLines.count >= 2, "the link text spans lines")
        for line in linkLines {
            #expect(line.contains("\u{1B}]8;;\u{1B}\\"), "each line ends the hyperlink it opened: \(line)")
        }
        #expect(ANSI.strip(out).split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func hyperlinksOffPlain() {
        let out = render("Read [the paper](https://arxiv.org/abs/1706.03762) now.", width: 80)
        #expect(out == "Read the paper (https://arxiv.org/abs/1706.03762) now.")
    }

    @Test func cjkTableAtSeveralWidths() {
        let table = """
        | 名稱 | Meaning | 形狀 |
        |---|:---:|---:|
        | 查詢向量 | the query | T × d |
        | 注意力權重，經過 softmax | weights | T × T |
        """
        for width in [30, 60] {
            let out = render(table, width: width)
            Snapshot.check(out, named: "table-cjk-\(width)")
            let widths = Set(out.split(separator: "\n").map { DisplayWidth.of($0) })
            #expect(widths.count == 1, "every table line has the same display width at \(width)")
            #expect(widths.first! <= width)
        }
    }

    @Test func kinsokuParagraphs() {
        let text = "模型會先把文字切成詞元，再查表得到向量。接著，每一層都會「重新看」整段上下文：這就是注意力。"
        var all: [String] = []
        for width in [12, 16, 20, 24] {
            let out = render(text, width: width)
            all.append("width \(width):\n" + out)
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= width)
                #expect(!"，。、：」".contains(line.first!), "line starts with closing punctuation: \(line)")
                #expect(!"「".contains(line.last!), "line ends with an opening bracket: \(line)")
            }
            #expect(out.replacingOccurrences(of: "\n", with: "") == text, "no spaces inserted between CJK characters")
        }
        Snapshot.check(all.joined(separator: "\n\n"), named: "kinsoku")
    }

    @Test func includeShowsLiveSourceAndMissingIncludeWarns() {
        let md = """
        ```swift include=Sources/Demo/Scores.swift#scores
        func stale() {}
        ```

        ```swift include=Sources/Missing.swift#nope
        func copy() {}
        ```
        """
        let out = render(md, width: 60)
        Snapshot.check(out, named: "includes")
        #expect(out.contains("42  // from the source file"))
        #expect(!out.contains("stale"))
        #expect(out.contains("func copy() {}"))
        #expect(out.contains("Sources/Missing.swift#nope not found"))
    }

    @Test func chineseLabels() {
        let out = render("```run mlp-train\nllmcourse run mlp-train\n```", width: 40, language: .traditionalChinese)
        #expect(out == "▶ 可執行的示範：mlp-train\n    $ llmcourse run mlp-train")
    }

    @Test func nestedListsAndQuotes() {
        let md = """
        - one
          - nested one
            - deeper
        - two

        > quoted **text** that wraps around the narrow width
        > > and a nested quote
        """
        let out = render(md, width: 24)
        Snapshot.check(out, named: "lists-quotes")
        #expect(out.contains("• one"))
        #expect(out.contains("  ◦ nested one"))
        #expect(out.contains("    ▪ deeper"))
    }

    @Test func metadataCommentIsHidden() {
        #expect(render("<!-- lesson\nid: x\n-->\n# T", width: 40) == "T\n═")
    }
}
