import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example in two dimensions", zh: "二維的手算範例") { c in
        // Cosines with (1, 0): 0, 0.8, −1, 1 — length does not matter, direction does.
        let vectors: [[Float]] = [[0, 3], [4, 3], [-2, 0], [5, 0]]
        try c.expectEqual(cosineTopK(query: [1, 0], vectors: vectors, k: 2), [3, 1], "top 2 for (1, 0)")
        try c.expectEqual(cosineTopK(query: [1, 0], vectors: vectors, k: 4), [3, 1, 0, 2], "all 4 ranked")
    }
    suite.check("equal similarities are ordered by lower index", zh: "相似度相同時，索引小的在前") { c in
        let vectors: [[Float]] = [[1, 1], [2, 0], [1, 1], [1, 0], [0, 2]]
        try c.expectEqual(cosineTopK(query: [1, 0], vectors: vectors, k: 3), [1, 3, 0], "ties between 1 and 3, and between 0 and 2")
    }
    suite.check("k larger than the collection, k = 0, and zero vectors", zh: "k 大於向量數、k = 0 與零向量") { c in
        let vectors: [[Float]] = [[0, 0], [1, 0], [-1, 0]]
        try c.expectEqual(cosineTopK(query: [1, 0], vectors: vectors, k: 10), [1, 0, 2], "k = 10 of 3 (the zero vector scores 0)")
        try c.expectEqual(cosineTopK(query: [1, 0], vectors: vectors, k: 0), [], "k = 0")
    }
    suite.check("matches the library on random collections", zh: "在隨機資料上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let d = c.int(in: 1...16), n = c.int(in: 1...60), k = c.int(in: 1...12)
            let vectors = (0..<n).map { _ in c.floats(d, in: -1...1) }
            let query = c.floats(d, in: -1...1)
            let expected = TopK.select(k, count: n) { Double(VectorMath.cosine(query, vectors[$0])) }.map(\.id)
            let got = cosineTopK(query: query, vectors: vectors, k: k)
            try c.expectEqual(got.count, expected.count, "number of results for top \(k) of \(n)")
            // Two cosines a rounding apart may come out in either order: compare the similarity at each rank.
            for (rank, (g, e)) in zip(got, expected).enumerated() where g != e {
                let sg = (0..<n).contains(g) ? VectorMath.cosine(query, vectors[g]) : .nan
                try c.expect(abs(sg - VectorMath.cosine(query, vectors[e])) < 1e-5,
                             "rank \(rank + 1) of top \(k) (\(n) vectors, \(d) dimensions): got index \(g), expected \(e)")
            }
        }
    }
}
