import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("absmax maps 0.1 to 4 when the maximum is 3.2, and back to ≈ 0.1008", zh: "最大值為 3.2 時，absmax 把 0.1 對應到 4，還原後約為 0.1008") { c in
        let (codes, step) = absmaxQuantize([3.2, 0.1, -1.0])
        try c.expectEqual(codes, [127, 4, -40], "absmaxQuantize([3.2, 0.1, -1.0]).codes")
        try c.expectClose(dequantize(codes, step: step), [3.2, 0.100787, -1.007874], atol: 1e-5, rtol: 1e-4, "dequantize(absmax codes)")
    }
    suite.check("absmax matches the library on random vectors", zh: "absmax 在隨機向量上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let x = c.floats(c.int(in: 1...64), in: -5...5)
            let q = try QuantizedMatrix(Tensor(x), scheme: .absmax)
            let (codes, step) = absmaxQuantize(x)
            try c.expectClose(step, q.steps[0], "absmax step")
            try c.expectEqual(codes, q.codes, "absmax codes")
        }
    }
    suite.check("zero-point uses −128…127 and keeps 0 exact", zh: "零點量化使用 −128…127，且 0 能精確表示") { c in
        let (codes, step, zero) = zeroPointQuantize([-1, 0, 3])
        try c.expectEqual(codes.first, -128, "code of the minimum")
        try c.expectEqual(codes.last, 127, "code of the maximum")
        try c.expectEqual(zero, -64, "zero point of [-1, 0, 3]")
        try c.expectClose(dequantize(codes, step: step, zero: zero)[1], 0, atol: 0, "x̂ of 0")
    }
    suite.check("zero-point matches the library and round trips within half a step", zh: "零點量化與函式庫一致，來回轉換誤差在半個刻度內", points: 2) { c in
        for _ in 0..<20 {
            let x = c.floats(c.int(in: 1...64), in: -2...6)
            let q = try QuantizedMatrix(Tensor(x), scheme: .zeroPoint)
            let (codes, step, zero) = zeroPointQuantize(x)
            try c.expectClose(step, q.steps[0], "zero-point step")
            try c.expectEqual(zero, q.zeroPoints[0], "zero point")
            try c.expectEqual(codes, q.codes, "zero-point codes")
            try c.expectClose(dequantize(codes, step: step, zero: zero), x, atol: step / 2 + 1e-6, rtol: 0, "round trip")
        }
    }
    suite.check("an all-zero vector does not divide by zero", zh: "全為零的向量不會除以零") { c in
        let (codes, step) = absmaxQuantize([0, 0, 0])
        try c.expectEqual(codes, [0, 0, 0], "codes of zeros")
        try c.expect(step.isFinite && step > 0, "the step of an all-zero vector must be a finite positive number (use 1)")
    }
}
