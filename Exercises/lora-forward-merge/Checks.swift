import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example with rank 1", zh: "秩為 1 的手算範例") { c in
        // W = I (2×2), A = [[1, 1]], B = [[1], [0]], scaling 2: ΔW = 2·B·A = [[2, 2], [0, 0]].
        let w: [[Float]] = [[1, 0], [0, 1]], a: [[Float]] = [[1, 1]], b: [[Float]] = [[1], [0]]
        try c.expectClose(loraForward([[1, 2]], weight: w, a: a, b: b, scaling: 2), [[7, 2]], "loraForward([[1, 2]], …)")
        try c.expectClose(mergeLoRA(weight: w, a: a, b: b, scaling: 2), [[3, 2], [0, 1]], "mergeLoRA(…)")
    }
    suite.check("B = 0 leaves the layer unchanged", zh: "B = 0 時層的輸出不變") { c in
        let (n, i, o, r) = (3, 5, 4, 2)
        let x = matrix(&c, n, i), w = matrix(&c, o, i), a = matrix(&c, r, i)
        let zero = [[Float]](repeating: [Float](repeating: 0, count: r), count: o)
        let plain = rows(Tensor(x).matmul(Tensor(w), transposeOther: true))
        try c.expectClose(loraForward(x, weight: w, a: a, b: zero, scaling: 4), plain, "loraForward with B = 0")
    }
    suite.check("forward matches the library's adapter on random shapes", zh: "前向傳播在隨機形狀上與函式庫的轉接器一致", points: 2) { c in
        for _ in 0..<10 {
            let (n, i, o) = (c.int(in: 1...5), c.int(in: 2...8), c.int(in: 2...8))
            let r = c.int(in: 1...min(i, o)), scaling = c.float(in: 0.5...4)
            let x = matrix(&c, n, i), w = matrix(&c, o, i), a = matrix(&c, r, i), b = matrix(&c, o, r)
            let adapter = LoRAAdapter(inFeatures: i, outFeatures: o, rank: r, scaling: scaling)
            adapter.loraA.weight.value = Tensor(a)
            adapter.loraB.weight.value = Tensor(b)
            let expected = Tensor(x).matmul(Tensor(w), transposeOther: true) + adapter(Variable(Tensor(x))).value
            try c.expectClose(loraForward(x, weight: w, a: a, b: b, scaling: scaling), rows(expected),
                              "loraForward(x[\(n), \(i)], W[\(o), \(i)], r = \(r))")
        }
    }
    suite.check("the merged weight gives the same outputs", zh: "合併後的權重給出相同的輸出", points: 2) { c in
        for _ in 0..<10 {
            let (n, i, o) = (c.int(in: 1...5), c.int(in: 2...8), c.int(in: 2...8))
            let r = c.int(in: 1...min(i, o)), scaling = c.float(in: 0.5...4)
            let x = matrix(&c, n, i), w = matrix(&c, o, i), a = matrix(&c, r, i), b = matrix(&c, o, r)
            let merged = mergeLoRA(weight: w, a: a, b: b, scaling: scaling)
            try c.expectShape([merged.count, merged.first?.count ?? 0], [o, i], "mergeLoRA shape")
            let viaMerged = rows(Tensor(x).matmul(Tensor(merged), transposeOther: true))
            try c.expectClose(viaMerged, loraForward(x, weight: w, a: a, b: b, scaling: scaling), atol: 1e-4,
                              "x·(W + s·B·A)ᵀ vs loraForward, r = \(r)")
        }
    }
}

private func matrix(_ c: inout CheckContext, _ r: Int, _ k: Int) -> [[Float]] { (0..<r).map { _ in c.floats(k, in: -1...1) } }

private func rows(_ t: Tensor) -> [[Float]] {
    let columns = t.shape[1]
    return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
}
