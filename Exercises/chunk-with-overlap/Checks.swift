import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example in English", zh: "英文的手算範例") { c in
        try c.expectEqual(chunk("abcdefghij", size: 5, overlap: 2), ["abcde", "defgh", "ghij"], "chunk(\"abcdefghij\", 5, 2)")
        try c.expectEqual(chunk("abcdefghij", size: 5, overlap: 0), ["abcde", "fghij"], "no overlap: the last window ends exactly at the end")
    }
    suite.check("Chinese sentences count characters, not bytes", zh: "中文句子按字元數計算，不是位元組") { c in
        let text = "向量資料庫儲存嵌入。檢索先找段落，再生成答案。"
        try c.expectEqual(chunk(text, size: 10, overlap: 3),
                          ["向量資料庫儲存嵌入。", "嵌入。檢索先找段落，", "段落，再生成答案。"], "chunk of \(text.count) Chinese characters, size 10, overlap 3")
        try c.expectEqual(chunk("量化", size: 4, overlap: 1), ["量化"], "a text shorter than one chunk")
    }
    suite.check("empty text, and emoji that are one character", zh: "空字串，以及算一個字元的表情符號") { c in
        try c.expectEqual(chunk("", size: 3, overlap: 1), [], "empty text")
        try c.expectEqual(chunk("👍🏽ab👨‍👩‍👧c", size: 2, overlap: 1), ["👍🏽a", "ab", "b👨‍👩‍👧", "👨‍👩‍👧c"], "emoji with modifiers are single Characters")
    }
    suite.check("matches the library on random mixed texts", zh: "在隨機中英混合文字上與函式庫一致", points: 2) { c in
        let alphabet: [Character] = ["a", "b", " ", "。", "向", "量", "，", "x", "é", "🙂"]
        for _ in 0..<30 {
            let text = String((0..<c.int(in: 0...80)).map { _ in c.pick(alphabet) })
            let size = c.int(in: 1...20), overlap = c.int(in: 0...(size - 1))
            let expected = FixedSizeSplitter(size: size, overlap: overlap).split(text).map(\.text)
            try c.expectEqual(chunk(text, size: size, overlap: overlap), expected, "chunk of \(text.count) characters, size \(size), overlap \(overlap)")
        }
    }
}
