import Console
import Course
@testable import Terminal
import Testing

/// Code wider than the terminal: cut where a line of code could break (after a space, comma,
/// operator or bracket, or before a `.member`), continued at its own indentation after ↪.
@Suite("Code wrapping")
struct CodeWrappingTests {
    func render(_ code: String, width: Int) -> String {
        let doc = MarkdownParser.parse("```swift\n" + code + "\n```\n")
        return MarkdownRenderer(options: RenderOptions(width: width)).render(doc)
    }

    @Test func cutsAfterSpacesAndKeepsTheIndentation() {
        let code = """
        func f() {
            if a.requiresGrad { a.accumulateGrad((g * b.value).sum(toShape: a.shape)) }
        }
        """
        #expect(render(code, width: 40) == """
            func f() {
                if a.requiresGrad {
                ↪ a.accumulateGrad((g *
                ↪ b.value).sum(toShape:
                ↪ a.shape)) }
            }
        """)
    }

    @Test func cutsBeforeAMemberWhenNoSpaceIsNearTheEnd() {
        let code = "    guard ok else { throw QuantizationError.unsupportedBits(bits) }"
        #expect(render(code, width: 40) == """
                guard ok else { throw
                ↪ QuantizationError
                ↪ .unsupportedBits(bits) }
        """)
    }

    @Test func cutsHardOnlyWhenTheLineOffersNoPlace() {
        let code = "let x = \"" + String(repeating: "a", count: 40) + "\""
        #expect(render(code, width: 30) == """
            let x = "aaaaaaaaaaaaaaaaa
            ↪ aaaaaaaaaaaaaaaaaaaaaaa"
        """)
    }

    @Test func neverCutsInsideAnOperator() {
        let pieces = CodeLineBreaker.split(CodeLineBreaker.Line(runs: [StyledRun("value->other==third")]), firstWidth: 14, restWidth: 14)
        #expect(pieces.map(\.text) == ["value->other==", "third"])
        let arrow = CodeLineBreaker.split(CodeLineBreaker.Line(runs: [StyledRun("abcdefghijk->x")]), firstWidth: 12, restWidth: 12)
        #expect(arrow.map(\.text) == ["abcdefghijk-", ">x"] || arrow.map(\.text) == ["abcdefghijk", "->x"])
    }

    @Test func aTrailingCommentMovesWhole() {
        let code = "    let x = Variable(data.inputs)      // [N, 2]"
        #expect(render(code, width: 40) == """
                let x = Variable(data.inputs)
                ↪ // [N, 2]
        """)
        let inString = "let s = \"a // b\" + String(repeating: \"c\", count: 3)"
        #expect(render(inString, width: 36) == """
            let s = "a // b" + String(
            ↪ repeating: "c", count: 3)
        """)
    }

    @Test func aLineThatFitsIsUntouched() {
        #expect(render("    let y = 1", width: 40) == "        let y = 1")
    }
}
