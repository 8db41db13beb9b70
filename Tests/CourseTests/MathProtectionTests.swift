import Testing
@testable import Course

/// TeX inside `$…$` reaches renderers exactly as written; everything else parses as CommonMark.
@Suite struct MathProtectionTests {
    func paragraphText(_ markdown: String) -> String {
        guard case .paragraph(let content, _)? = MarkdownParser.parse(markdown).blocks.first else { return "<no paragraph>" }
        return content.plainText
    }

    @Test func backslashesAndUnderscoresInMathSurviveTheParse() {
        #expect(paragraphText(#"Thin $a\,b$ and set $\{x\}$ and $x_{t} + W_{q}$ here."#)
                == #"Thin $a\,b$ and set $\{x\}$ and $x_{t} + W_{q}$ here."#)
        #expect(paragraphText(#"Stars $a * b * c$ and *real emphasis*."#) == "Stars $a * b * c$ and real emphasis.")
        guard case .paragraph(let content, _)? = MarkdownParser.parse("*$x_1$* then $y_{t}… W_{q}$").blocks.first else {
            Issue.record("no paragraph"); return
        }
        // Emphasis outside math still works; none is made from the underscores inside.
        guard case .emphasis(let inner) = content.first else { Issue.record("no emphasis: \(content)"); return }
        #expect(inner.plainText == "$x_1$")
        #expect(content.plainText == "$x_1$ then $y_{t}… W_{q}$")
    }

    @Test func displayMathKeepsTexLineBreaksAcrossLines() {
        let source = "$$\n\\begin{aligned} a &= b \\\\\n c &= d_{i} \\end{aligned}\n$$\n"
        #expect(paragraphText(source) == "$$ \\begin{aligned} a &= b \\\\ c &= d_{i} \\end{aligned} $$")
    }

    @Test func inlineMathMayWrapOntoTheNextLine() {
        guard case .paragraph(let content, _)? = MarkdownParser.parse("grows like $\\varepsilon \\approx\n10^{-16}$ here.\n\nNot $a\n\nb$ across paragraphs.").blocks.first else {
            Issue.record("no paragraph"); return
        }
        #expect(content.contains(.math(tex: "\\varepsilon \\approx\n10^{-16}", display: false)))
        #expect(paragraphText("Not $a\n\nb$ across paragraphs.") == "Not $a")
    }

    @Test func dollarsThatAreNotMathStayText() {
        #expect(paragraphText(#"It costs $5 and $6, or \$7 with an \_escape."#) == "It costs $5 and $6, or $7 with an _escape.")
        #expect(paragraphText("A lone $ sign and a_b_c word.") == "A lone $ sign and a_b_c word.")
    }

    @Test func codeIsLeftAlone() {
        let doc = MarkdownParser.parse("Code `$a\\,b$` here.\n\n```swift\nlet s = \"$x\\_y$\"\n```\n")
        guard case .paragraph(let content, _) = doc.blocks[0], case .codeBlock(_, let code, _) = doc.blocks[1] else {
            Issue.record("unexpected blocks \(doc.blocks)"); return
        }
        #expect(content.plainText == "Code $a\\,b$ here.")
        #expect(code == "let s = \"$x\\_y$\"\n")
    }

    @Test func mathInTableCellsSurvivesToo() {
        let doc = MarkdownParser.parse("| f | value |\n|---|---|\n| $x_{t}\\,y_{t}$ | 1 |\n")
        guard case .table(_, _, let rows, _)? = doc.blocks.first else { Issue.record("no table"); return }
        #expect(rows[0][0].plainText == "$x_{t}\\,y_{t}$")
    }

    @Test func linesStayWhereTheyWere() {
        let doc = MarkdownParser.parse("$a_1$\n\n## Heading\n")
        guard case .heading(_, _, let range) = doc.blocks[1] else { Issue.record("no heading"); return }
        #expect(range.start.line == 3)
    }
}
