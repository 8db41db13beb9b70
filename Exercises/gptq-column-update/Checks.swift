import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a 1×2 example worked by hand", zh: "1×2 的手算範例") { c in
        // w = [0.3, 1.0], grid step 0.5: q = 0.5, e = (0.3 − 0.5)/2 = −0.1; w₁ = 1.0 − (−0.1)·0.4 = 1.04.
        var block: [[Double]] = [[0.3, 1.0]]
        let out = gptqColumnStep(block: &block, column: 0, uRow: [2, 0.4]) { w, _ in (w / 0.5).rounded() * 0.5 }
        try c.expectClose(out.quantized, [0.5], atol: 1e-12, rtol: 0, "quantized")
        try c.expectClose(out.errors, [-0.1], atol: 1e-12, rtol: 0, "errors")
        // Column 0 itself becomes 0.3 − (−0.1)·2 = 0.5 = q.
        try c.expectClose(block[0], [0.5, 1.04], atol: 1e-12, rtol: 0, "block after the step")
    }
    suite.check("running the step over every column reproduces the library's GPTQ", zh: "對每一行執行這一步，重現函式庫的 GPTQ", points: 3) { c in
        for _ in 0..<5 {
            let (rows, columns, n) = (c.int(in: 1...8), c.int(in: 2...16), 64)
            let w = c.doubles(rows * columns, in: -1...1)
            let x = c.doubles(n * columns, in: -2...2)
            var h = [Double](repeating: 0, count: columns * columns)
            for s in 0..<n { for a in 0..<columns { for b in 0..<columns { h[a * columns + b] += 2 * x[s * columns + a] * x[s * columns + b] / Double(n) } } }
            let config = GPTQConfiguration(bits: 3, blockSize: columns)
            let expected = try GPTQ.quantize(weight: w, rows: rows, columns: columns, hessian: h, configuration: config)
            let u = try GPTQ.inverseHessianFactor(h, n: columns, dampening: config.dampening)
            let grid = MinMaxQuantizer(weight: w, rows: rows, columns: columns, bits: 3, symmetric: false)
            var block = (0..<rows).map { r in Array(w[(r * columns)..<((r + 1) * columns)]) }
            var result = [Double](repeating: 0, count: rows * columns)
            for i in 0..<columns {
                let out = gptqColumnStep(block: &block, column: i, uRow: Array(u[(i * columns)..<((i + 1) * columns)])) { v, r in
                    grid.value(ofCode: grid.code(v, row: r), row: r)
                }
                for r in 0..<rows { result[r * columns + i] = out.quantized[r] }
            }
            try c.expectClose(result, expected.dequantized, shape: [rows, columns], atol: 1e-9, rtol: 1e-9, "GPTQ weights from your step")
        }
    }
    suite.check("columns before i are left alone", zh: "第 i 行之前的各行保持不變") { c in
        var block: [[Double]] = [[1, 2, 3], [4, 5, 6]]
        _ = gptqColumnStep(block: &block, column: 1, uRow: [0, 1, 0.5]) { w, _ in w.rounded(.down) }
        try c.expectClose(block.map { $0[0] }, [1, 4], atol: 0, rtol: 0, "column 0")
    }
}
