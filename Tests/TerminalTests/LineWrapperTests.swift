import Console
@testable import Terminal
import Testing

@Suite("Line wrapping")
struct LineWrapperTests {
    func wrap(_ text: String, _ width: Int) -> [String] {
        LineWrapper.wrap([StyledRun(text)], width: width).map(\.text)
    }

    @Test func latinBreaksAtSpacesOnly() {
        #expect(wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func overlongWordIsSplitBetweenCharacters() {
        #expect(wrap("a supercalifragilistic word", 8) == ["a", "supercal", "ifragili", "stic", "word"])
    }

    @Test func cjkBreaksBetweenCharactersWithoutSpaces() {
        #expect(wrap("注意力機制讓模型看見上下文", 10) == ["注意力機制", "讓模型看見", "上下文"])
    }

    @Test func wideCharacterNeverSplitsAtLastColumn() {
        // Width 9 holds four ideographs (8 columns); the fifth must move down whole.
        let lines = LineWrapper.wrap([StyledRun("注意力機制讓模型")], width: 9)
        #expect(lines.map(\.text) == ["注意力機", "制讓模型"])
        #expect(lines.allSatisfy { $0.width <= 9 })
    }

    @Test func closingPunctuationNeverStartsALine() {
        // Without kinsoku the comma would start line 2; it pulls the previous character down.
        #expect(wrap("注意力機制，讓模型看見", 10) == ["注意力機", "制，讓模型", "看見"])
        #expect(wrap("他說「好」。然後", 10) == ["他說", "「好」。然", "後"])
        let quoted = wrap("他說：「好的」。接著離開", 12)
        #expect(quoted.allSatisfy { line in !["，", "。", "」", "：", "、"].contains(where: { line.hasPrefix($0) }) })
        #expect(quoted.joined() == "他說：「好的」。接著離開")
    }

    @Test func chainedClosingPunctuationMovesTogether() {
        #expect(wrap("一二三四「五」。六七", 10) == ["一二三四", "「五」。六", "七"])
    }

    @Test func openingBracketNeverEndsALine() {
        // 「 would fit at the end of line 1 but must not be left there.
        let lines = wrap("一二三四「五六」", 10)
        #expect(lines == ["一二三四", "「五六」"])
    }

    @Test func asciiPunctuationAfterCJKStaysOnTheLine() {
        #expect(wrap("一二三四五,六", 10) == ["一二三四", "五,六"])
    }

    @Test func mixedScriptsBreakAtTheBoundary() {
        #expect(wrap("使用Transformer架構", 12) == ["使用", "Transformer", "架構"])
        #expect(wrap("LLM 模型很大", 8) == ["LLM 模型", "很大"])
    }

    @Test func softBreakVanishesBetweenIdeographsAndIsASpaceElsewhere() {
        let soft = String(LineWrapper.softBreak)
        #expect(wrap("注意力" + soft + "機制", 40) == ["注意力機制"])
        #expect(wrap("attention" + soft + "mechanism", 40) == ["attention mechanism"])
        #expect(wrap("模型" + soft + "model", 40) == ["模型 model"])
    }

    @Test func hangulBreaksAtSpaces() {
        #expect(wrap("한국어 문장은 띄어쓰기로", 12) == ["한국어", "문장은", "띄어쓰기로"])
    }

    @Test func hardBreakStartsANewLine() {
        #expect(wrap("one\ntwo three", 40) == ["one", "two three"])
    }

    @Test func stylesSurviveWrapping() {
        let runs = [StyledRun("plain "), StyledRun("bold words here", TextStyle(bold: true))]
        let lines = LineWrapper.wrap(runs, width: 11)
        #expect(lines.map(\.text) == ["plain bold", "words here"])
        #expect(lines[1].runs == [StyledRun("words here", TextStyle(bold: true))])
    }
}
