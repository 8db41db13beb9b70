import Testing
@testable import Course

@Suite("Swift highlighting")
struct SwiftHighlighterTests {
    typealias K = SwiftHighlighter.Kind

    func kinds(_ code: String) -> [(String, K)] {
        SwiftHighlighter.highlight(code).flatMap { $0 }.filter { $0.kind != .plain }.map { ($0.text, $0.kind) }
    }

    @Test func keywordsTypesNumbersStringsComments() {
        let k = kinds(#"let x: Float = 1.5e-3 + 0x1F // note"#)
        #expect(k.map(\.0) == ["let", "Float", "1.5e", "3", "0x1F", "// note"] || k.map(\.0) == ["let", "Float", "1.5e-3", "0x1F", "// note"])
        #expect(k.first! == ("let", .keyword))
        #expect(k.last! == ("// note", .comment))
        #expect(kinds(#"print("a \"b\" c")"#).map(\.1) == [.string])
    }

    @Test func rangeIsNotADecimalPoint() {
        #expect(kinds("for i in 0..<n {}").map(\.0) == ["for", "in", "0"])
    }

    @Test func blockCommentsSpanLinesAndNest() {
        let lines = SwiftHighlighter.highlight("/* a /* b */\nstill */ let")
        #expect(lines.count == 2)
        #expect(lines[1].first! == SwiftHighlighter.Token(text: "still */", kind: .comment))
        #expect(lines[1].last! == SwiftHighlighter.Token(text: "let", kind: .keyword))
    }

    @Test func attributesAndMultilineStrings() {
        #expect(kinds("@MainActor func f()").map(\.1) == [.attribute, .keyword])
        let lines = SwiftHighlighter.highlight("let s = \"\"\"\nbody\n\"\"\"")
        #expect(lines[1] == [SwiftHighlighter.Token(text: "body", kind: .string)])
    }

    @Test func tokensReassembleTheSource() {
        let code = "struct A<T> { var x = [1, 2] /* c */ }\n\tfunc é() {}"
        let back = SwiftHighlighter.highlight(code).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(back == code)
    }
}
