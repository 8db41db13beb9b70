import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked block", zh: "一個手算的區塊") { c in
        let (codes, absmax) = nf4QuantizeBlock([0.3, -1.2, 0.05, 0, 1.2])
        try c.expectClose(absmax, 1.2, "absmax")
        // 0.3/1.2 = 0.25 → 0.2461 (code 10); −1 → code 0; 0.0417 → 0.0796 (code 8); 0 → code 7; 1 → code 15.
        try c.expectEqual(codes, [10, 0, 8, 7, 15], "codes")
        try c.expectClose(nf4DequantizeBlock(codes, absmax: absmax), [0.29533476, -1.2, 0.09549636, 0, 1.2], "dequantized")
    }
    suite.check("a block of zeros stays zero", zh: "全為零的區塊仍然是零") { c in
        let (codes, absmax) = nf4QuantizeBlock([0, 0, 0])
        try c.expectClose(absmax, 0, "absmax")
        try c.expectEqual(codes, [7, 7, 7], "codes")
        try c.expectClose(nf4DequantizeBlock(codes, absmax: 0), [0, 0, 0], "dequantized")
    }
    suite.check("codes match the library on random blocks", zh: "在隨機區塊上的編碼與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let values = c.normals(c.int(in: 1...64), mean: 0, std: c.float(in: 0.01...2))
            let mine = nf4QuantizeBlock(values), reference = NF4.quantizeBlock(values)
            try c.expectClose(mine.absmax, reference.absmax, "absmax of \(values.count) values")
            try c.expectEqual(mine.codes, reference.codes, "codes of \(values.count) values")
            try c.expectClose(nf4DequantizeBlock(mine.codes, absmax: mine.absmax),
                              NF4.dequantizeBlock(reference.codes, absmax: reference.absmax), "dequantized block")
        }
    }
    suite.check("each value lands on its nearest level", zh: "每個值都落在最近的量化等級上") { c in
        let values = c.floats(64, in: -1...1)
        let (codes, absmax) = nf4QuantizeBlock(values)
        try c.expectEqual(codes.count, values.count, "number of codes")
        for (value, code) in zip(values, codes) {
            let error = abs(value / absmax - nf4Levels[Int(code)])
            let best = nf4Levels.map { abs(value / absmax - $0) }.min()!
            try c.expect(error <= best + 1e-6, "value \(value): code \(code) is not the nearest level")
        }
    }
}
