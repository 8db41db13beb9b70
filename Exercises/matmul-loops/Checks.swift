import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a 2×2 example worked by hand", zh: "2×2 的手算範例") { c in
        let product = matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])
        try c.expectClose(product, [[19, 22], [43, 50]], "matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])")
    }
    suite.check("the result has shape [M, N]", zh: "結果的形狀是 [M, N]") { c in
        for _ in 0..<10 {
            let (m, k, n) = (c.int(in: 1...6), c.int(in: 1...6), c.int(in: 1...6))
            let a = randomMatrix(&c, m, k), b = randomMatrix(&c, k, n)
            let product = matmul(a, b)
            try c.expectShape([product.count, product.first?.count ?? 0], [m, n], "matmul([\(m), \(k)], [\(k), \(n)])")
        }
    }
    suite.check("matches the library on random matrices", zh: "在隨機矩陣上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let (m, k, n) = (c.int(in: 1...12), c.int(in: 1...12), c.int(in: 1...12))
            let a = randomMatrix(&c, m, k), b = randomMatrix(&c, k, n)
            let expected = Tensor(a).matmulReference(Tensor(b))
            let rows = (0..<m).map { Array(expected.scalars[($0 * n)..<(($0 + 1) * n)]) }
            try c.expectClose(matmul(a, b), rows, atol: 1e-5, rtol: 1e-4, "matmul(A[\(m), \(k)], B[\(k), \(n)])")
        }
    }
}

private func randomMatrix(_ c: inout CheckContext, _ rows: Int, _ columns: Int) -> [[Float]] {
    (0..<rows).map { _ in c.floats(columns, in: -2...2) }
}
