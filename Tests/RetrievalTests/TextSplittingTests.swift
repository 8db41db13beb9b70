import Testing
@testable import Retrieval

@Suite("Search tokenizer and splitters")
struct TextSplittingTests {
    @Test("English words are lower-cased; possessives and punctuation drop out")
    func englishTerms() {
        #expect(SearchTokenizer.terms("The KV-cache's keys, (and) values!") == ["the", "kv", "cache", "keys", "and", "values"])
        #expect(SearchTokenizer.terms("GPT-2 has 124M parameters") == ["gpt", "2", "has", "124m", "parameters"])
    }

    @Test("CJK runs become overlapping bigrams; a lone character stays a unigram")
    func cjkTerms() {
        #expect(SearchTokenizer.terms("什麼是量化？") == ["什麼", "麼是", "是量", "量化"])
        #expect(SearchTokenizer.terms("KV 快取。") == ["kv", "快取"])
        #expect(SearchTokenizer.terms("用 int8 存") == ["用", "int8", "存"])
    }

    @Test("fixed-size windows overlap and cover the text; CJK counts characters, not bytes")
    func fixedSize() {
        let s = FixedSizeSplitter(size: 5, overlap: 2)
        #expect(s.split("abcdefghij").map(\.text) == ["abcde", "defgh", "ghij"])
        #expect(s.split("abcdefghij").map(\.start) == [0, 3, 6])
        #expect(s.split("abcde").map(\.text) == ["abcde"])
        #expect(s.split("").isEmpty)
        let zh = FixedSizeSplitter(size: 4, overlap: 1).split("向量資料庫很好用")
        #expect(zh.map(\.text) == ["向量資料", "料庫很好", "好用"])
    }

    @Test("token windows keep the exact text and report character offsets")
    func tokenWindows() {
        let text = "one two  three four five 六七"
        let pieces = FixedSizeSplitter.wordPieces(text)
        #expect(pieces == ["one ", "two  ", "three ", "four ", "five ", "六", "七"])
        #expect(pieces.joined() == text)
        let chunks = FixedSizeSplitter(size: 3, overlap: 1).split(text, pieces: FixedSizeSplitter.wordPieces)
        #expect(chunks.map(\.text) == ["one two  three ", "three four five ", "five 六七"])
        #expect(chunks.map(\.start) == [0, 9, 20])
    }

    @Test("sentences end at Chinese punctuation without spaces, and at . ! ? before a capital")
    func sentences() {
        #expect(SentenceSplitter.split("量化把權重變小。它會損失精度嗎？會一點；但很少！").map(\.text)
                == ["量化把權重變小。", "它會損失精度嗎？", "會一點；", "但很少！"])
        #expect(SentenceSplitter.split("It works. Use e.g. int8 here. Pi is 3.14!  Done").map(\.text)
                == ["It works.", "Use e.g. int8 here.", "Pi is 3.14!", "Done"])
        #expect(SentenceSplitter.split("他說：「好。」然後走了。").map(\.text) == ["他說：「好。」", "然後走了。"])
    }

    @Test("never cuts inside fenced code, inline code or math")
    func protectedSpans() {
        let text = "See $x = 1. Y$ here. Then `a. B` too.\n\n```swift\nlet a = 1. B\n// 結束。開始\n```\nAfter $$\\sum. X$$ end."
        let parts = SentenceSplitter.split(text).map(\.text)
        #expect(parts == ["See $x = 1. Y$ here.", "Then `a. B` too.", "```swift\nlet a = 1. B\n// 結束。開始\n```",
                          "After $$\\sum. X$$ end."])
        #expect(SentenceSplitter.split("Costs \\$5. Then more.").map(\.text) == ["Costs \\$5.", "Then more."])
    }

    @Test("Markdown splitting follows headings, then paragraphs, then sentences")
    func markdown() {
        let doc = """
        # Guide

        Intro paragraph.

        ## Caching

        The cache keeps keys. It keeps values too. Both grow with the context.

        Second paragraph here.

        ## 量化

        量化把權重變小。它很有用。
        """
        let chunks = MarkdownSplitter(maxCharacters: 40).split(doc)
        #expect(chunks.map(\.text) == [
            "# Guide\n\nIntro paragraph.",
            "The cache keeps keys.",
            "It keeps values too.",
            "Both grow with the context.",
            "Second paragraph here.",
            "## 量化\n\n量化把權重變小。它很有用。",
        ])
        #expect(chunks[1].headings == ["Guide", "Caching"])
        #expect(chunks[5].headings == ["Guide", "量化"])
        // Offsets point back into the source.
        let source = Array(doc)
        for chunk in chunks {
            #expect(String(source[chunk.start..<(chunk.start + chunk.text.count)]) == chunk.text)
        }
    }

    @Test("a heading inside a code fence is not a heading, and an overlong sentence is cut by characters")
    func markdownEdges() {
        let doc = "## A\n\n```\n# not a heading\n```\n\n" + String(repeating: "x", count: 25)
        let chunks = MarkdownSplitter(maxCharacters: 10).split(doc)
        #expect(chunks.allSatisfy { $0.headings == ["A"] })
        #expect(!chunks.contains { $0.text == "## A" })       // a heading alone is not a chunk
        #expect(chunks.allSatisfy { $0.text.count <= 10 })
        #expect(chunks.suffix(3).map(\.text) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }
}

@Suite("Character n-grams")
struct CharacterNGramTests {
    @Test("words become padded trigrams; short words and CJK bigrams stay whole")
    func trigrams() {
        #expect(CharacterNGrams.terms("Int8 cache") == ["#in", "int", "nt8", "t8#", "#ca", "cac", "ach", "che", "he#"])
        #expect(CharacterNGrams.terms("a KV 量化") == ["#a#", "#kv", "kv#", "量化"])
        let a = Set(CharacterNGrams.terms("quantised")), b = Set(CharacterNGrams.terms("quantized"))
        #expect(a.intersection(b).count == 6 && a.count == 9)
    }
}
