import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("量 is éĩı and \" 你好\" is Ġä½łå¥½", zh: "「量」是 éĩı，「 你好」是 Ġä½łå¥½") { c in
        try c.expectEqual(byteLevel("量"), "éĩı", "byteLevel(\"量\")")
        try c.expectEqual(byteLevel(" 你好"), "Ġä½łå¥½", "byteLevel(\" 你好\")")
        try c.expectEqual(byteLevel("ok\n"), "okĊ", "ASCII stays, the newline is Ċ")
    }
    suite.check("decoding gives the text back, and refuses partial characters and strangers", zh: "解碼還原文字，並拒絕不完整的字元與非替身字元") { c in
        try c.expectEqual(decodeByteLevel("Ġä½łå¥½"), " 你好", "decode of Ġä½łå¥½")
        try c.expect(decodeByteLevel("éĩ") == nil, "éĩ is two thirds of 量: not text")
        try c.expect(decodeByteLevel("你") == nil, "你 is not a stand-in")
        try c.expectEqual(decodeByteLevel(""), "", "empty")
    }
    suite.check("matches the library on mixed English, Chinese and emoji, and round trips", zh: "在混合英文、中文與表情符號的文字上與函式庫一致，且能來回轉換", points: 2) { c in
        let pieces = ["量化", " tokens", "，", "🙂", "é", "\t", "BPE", "語言模型", " 123", "\u{0}"]
        for _ in 0..<30 {
            var text = ""
            for _ in 0..<c.int(in: 0...6) { text += pieces[c.int(in: 0...(pieces.count - 1))] }
            let spelling = byteLevel(text)
            try c.expectEqual(spelling, ByteUnicodeMap.encode(text.utf8), "byteLevel(\(text.debugDescription))")
            try c.expectEqual(decodeByteLevel(spelling), text, "round trip of \(text.debugDescription)")
        }
    }
}
