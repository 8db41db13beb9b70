import Testing
@testable import Console

@Suite struct TextWrapTests {
    @Test func shortLinesAreUntouched() {
        #expect(TextWrap.lines("step 1500: loss 0.42", width: 60) == ["step 1500: loss 0.42"])
    }

    @Test func wrapsAtSpacesNeverInsideAWord() {
        let lines = TextWrap.lines("after 1500 steps the loss is 0.42 and the accuracy 97 %", width: 20)
        #expect(lines == ["after 1500 steps the", "loss is 0.42 and the", "accuracy 97 %"])
    }

    @Test func keepsTheIndentAndAddsAHangingOne() {
        let lines = TextWrap.lines("  - a list item that is too long for the line", width: 20, hanging: 2)
        #expect(lines == ["  - a list item that", "    is too long for", "    the line"])
    }

    @Test func chineseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        let lines = TextWrap.lines("注意力讓每個位置都能看見前面的位置，然後加權平均。", width: 20)
        for line in lines { #expect(DisplayWidth.of(line) <= 20) }
        #expect(lines.joined() == "注意力讓每個位置都能看見前面的位置，然後加權平均。")
        #expect(!lines.dropFirst().contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
    }

    @Test func mixedChineseAndLatin() {
        let lines = TextWrap.lines("用 quantization 把權重壓成 4 bit 之後模型變小", width: 16)
        for line in lines { #expect(DisplayWidth.of(line) <= 16) }
        #expect(lines.first == "用 quantization")
    }

    @Test func aWordWiderThanTheLineIsCut() {
        let lines = TextWrap.lines("see https://example.com/a/very/long/path/to/a/file", width: 20)
        for line in lines { #expect(DisplayWidth.of(line) <= 20) }
        #expect(lines.joined(separator: "").replacingOccurrences(of: " ", with: "") == "seehttps://example.com/a/very/long/path/to/a/file")
    }

    @Test func colourCodesTakeNoColumns() {
        let red = "\u{1B}[31m", reset = "\u{1B}[0m"
        let line = red + "✗ matmul" + reset + ": 0/4 points (seed 792330, 0.1 s)"
        #expect(TextWrap.visibleWidth(line) == 41)
        let lines = TextWrap.lines(line, width: 30, hanging: 2)
        #expect(lines.count == 2)
        for l in lines { #expect(TextWrap.visibleWidth(l) <= 30) }
        #expect(TextWrap.stripSGR(lines[1]) == "  792330, 0.1 s)")
    }
}
