import Testing
@testable import Course

@Suite struct MarkdownParserTests {
    @Test func headingsParagraphsAndCode() {
        let doc = MarkdownParser.parse("# Title\n\nSome *text* and [a link](b.md#x).\n\n```run mlp-demo\n```\n")
        #expect(doc.blocks.count == 3)
        guard case .heading(1, let title, let r) = doc.blocks[0] else { Issue.record("no heading"); return }
        #expect(title.plainText == "Title")
        #expect(r.start == SourcePosition(line: 1, column: 1))
        guard case .paragraph(let content, _) = doc.blocks[1] else { Issue.record("no paragraph"); return }
        #expect(content.plainText == "Some text and a link.")
        guard case .codeBlock(let info, _, let cr) = doc.blocks[2] else { Issue.record("no code"); return }
        #expect(info == "run mlp-demo")
        #expect(cr.start.line == 5)
    }

    @Test func pipeTableBecomesTable() {
        let doc = MarkdownParser.parse("| a | b |\n|:--|--:|\n| `x|y` | **z** |\n")
        guard case .table(let header, let align, let rows, _) = doc.blocks.first else {
            Issue.record("expected a table, got \(doc.blocks)"); return
        }
        #expect(header.map(\.plainText) == ["a", "b"])
        #expect(align == [.left, .right])
        #expect(rows.count == 1)
        #expect(rows[0].map(\.plainText) == ["x|y", "z"])
    }
}
