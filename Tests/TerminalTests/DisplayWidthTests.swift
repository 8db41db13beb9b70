import Console
@testable import Terminal
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("注意力") == 6)
        #expect(DisplayWidth.of("，。「」") == 8)
        #expect(DisplayWidth.of("ＡＢＣ") == 6)          // fullwidth Latin
        #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
        #expect(DisplayWidth.of("한국어") == 6)          // Hangul syllables
        #expect(DisplayWidth.of("𠀋") == 2)              // CJK extension B (outside the BMP)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("❤️") == 2)             // text symbol + VS16
        #expect(DisplayWidth.of("👩‍💻") == 2)           // ZWJ sequence is one grapheme
        #expect(DisplayWidth.of("✓") == 1)              // text-presentation symbol stays narrow
    }

    @Test func combiningMarksAndControlsTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)     // zero-width space
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\t") == 0)
    }

    @Test func mixedText() {
        #expect(DisplayWidth.of("LLM 模型") == 8)
        #expect(DisplayWidth.of("αβγ·─│") == 6)         // ambiguous width counts as one
    }
}
