import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("[[5, 6, 7], [8, 9]] in windows of 4: the worked table", zh: "[[5, 6, 7], [8, 9]] 放進長度 4 的視窗：驗算表格") { c in
        let w = pack([[5, 6, 7], [8, 9]], length: 4, separator: 0)
        try c.expectEqual(w.count, 2, "number of windows")
        try c.expectEqual(w.map(\.tokens), [[5, 6, 7, 0], [8, 9, 0, 0]], "tokens")
        try c.expectEqual(w.map(\.positions), [[0, 1, 2, 3], [0, 1, 2, 0]], "positions")
        try c.expectEqual(w.map(\.segments), [[0, 0, 0, 0], [1, 1, 1, -1]], "segments")
    }
    suite.check("a document cut by a window boundary keeps counting its positions", zh: "被視窗邊界切開的文件，位置繼續往下數") { c in
        let w = pack([[1, 2], [3, 4, 5, 6]], length: 4, separator: 0)
        try c.expectEqual(w.map(\.positions), [[0, 1, 2, 0], [1, 2, 3, 4]], "positions")
        try c.expectEqual(w.map(\.segments), [[0, 0, 0, 1], [1, 1, 1, 1]], "segments")
    }
    suite.check("the mask: causal within a document, nothing across documents or from padding", zh: "遮罩：文件內是因果的，跨文件與補位一律不可讀") { c in
        let w = SequencePacking.pack([[5, 6], [7]], length: 6, separator: 0)[0]
        for i in 0..<6 { for j in 0..<6 {
            try c.expectEqual(attends(w, i, j), w.attends(i, j), "attends(\(i), \(j)) with segments \(w.segments)")
        } }
    }
    suite.check("matches the library on random documents and window lengths", zh: "在隨機文件與視窗長度上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            var documents: [[Int]] = []
            for d in 0..<c.int(in: 0...12) { documents.append(Array(repeating: d + 1, count: c.int(in: 0...20))) }
            let length = c.int(in: 1...24)
            try c.expectEqual(pack(documents, length: length, separator: 0), SequencePacking.pack(documents, length: length, separator: 0),
                              "windows of \(length) for documents of lengths \(documents.map(\.count))")
        }
    }
}
