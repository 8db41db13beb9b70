import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("worked by hand: the direction is normalized first", zh: "手算範例：先把方向正規化") { c in
        // (0, 2) normalizes to (0, 1): the second coordinate goes.
        try c.expectClose(projectOut([[3, 4], [-1, 0.5]], direction: [0, 2]), [[3, 0], [-1, 0]], atol: 1e-6, "direction (0, 2)")
        // (5, 5) → (1, 1)/√2; (2, 0) · r̂ = √2, so (2, 0) − √2 · (1, 1)/√2 = (1, −1).
        try c.expectClose(projectOut([[2, 0]], direction: [5, 5]), [[1, -1]], atol: 1e-6, "direction (5, 5)")
        // (1, 2, 2) has length 3; (3, 0, 0) · r̂ = 1, so (3, 0, 0) − (1, 2, 2)/3.
        try c.expectClose(projectOut([[3, 0, 0]], direction: [1, 2, 2]), [[3 - 1.0 / 3, -2.0 / 3, -2.0 / 3]], atol: 1e-6,
                          "direction (1, 2, 2)")
    }
    suite.check("what lies along r̂ vanishes, what is orthogonal to it stays", zh: "沿 r̂ 的部分消失，與它正交的部分不變") { c in
        try c.expectClose(projectOut([[-4, 8, 0]], direction: [1, -2, 0]), [[0, 0, 0]], atol: 1e-5, "a multiple of the direction")
        try c.expectClose(projectOut([[2, 1, 7]], direction: [1, -2, 0]), [[2, 1, 7]], atol: 1e-6, "orthogonal to the direction")
        try c.expectClose(projectOut([[1, 2], [3, 4]], direction: [0, 0]), [[1, 2], [3, 4]], atol: 0, "a zero direction")
        try c.expectEqual(projectOut([], direction: [1, 0]).count, 0, "no vectors")
    }
    suite.check("the result is orthogonal to the direction, and projecting twice changes nothing",
                zh: "結果與方向正交，再投影一次也不會改變", points: 2) { c in
        for _ in 0..<20 {
            let width = c.int(in: 2...12)
            let direction = (0..<width).map { _ in Float(c.double(in: -3...3)) }
            let vectors = (0..<c.int(in: 1...6)).map { _ in (0..<width).map { _ in Float(c.double(in: -5...5)) } }
            let once = projectOut(vectors, direction: direction)
            let norm = direction.map { $0 * $0 }.reduce(0, +).squareRoot()
            let dots = once.map { row in zip(row, direction).map { $0 * $1 }.reduce(0, +) / norm }
            try c.expectClose(dots, [Float](repeating: 0, count: dots.count), atol: 1e-4, "(result · r̂) for each row")
            try c.expectClose(projectOut(once, direction: direction), once, atol: 1e-4, "projecting the result again")
        }
    }
    suite.check("matches the library on random batches", zh: "在隨機批次上與函式庫一致", points: 2) { c in
        for _ in 0..<30 {
            let width = c.int(in: 1...16)
            let direction = (0..<width).map { _ in Float(c.double(in: -2...2)) }
            let vectors = (0..<c.int(in: 0...8)).map { _ in (0..<width).map { _ in Float(c.double(in: -4...4)) } }
            try c.expectClose(projectOut(vectors, direction: direction), Abliteration.projectOut(vectors, direction: direction),
                              atol: 1e-5, "projectOut of \(vectors.count) vectors of \(width)")
        }
    }
}
