import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a 2 × 2 matrix worked by hand", zh: "手算的 2 × 2 矩陣") { c in
        // Row 0: ‖θ‖ = 5, ‖d‖ = 1 → d × 5. Row 1: ‖θ‖ = 1, ‖d‖ = 2 → d ÷ 2.
        let result = filterNormalize(direction: [1, 0, 0, 2], weights: [3, 4, 1, 0], shape: [2, 2])
        try c.expectClose(result, [5, 0, 0, 1], shape: [2, 2], "normalized direction")
    }
    suite.check("biases and gains get a zero direction", zh: "偏差與增益的方向是零") { c in
        try c.expectClose(filterNormalize(direction: [0.3, -1, 2], weights: [1, 1, 1], shape: [3]), [0, 0, 0],
                          shape: [3], "direction of a bias")
        try c.expectClose(filterNormalize(direction: [0.7], weights: [2], shape: []), [0], shape: [], "direction of a scalar")
    }
    suite.check("rows of a rank-3 tensor, and a zero row stays zero", zh: "三階張量的列，零列維持為零") { c in
        // Shape [2, 1, 3]: each row is the 3 scalars under one index of the first axis.
        let result = filterNormalize(direction: [0, 0, 0, 1, 1, 1], weights: [1, 2, 2, 0, 0, 3], shape: [2, 1, 3])
        let third = Float(3) / Float(3).squareRoot()
        try c.expectClose(result, [0, 0, 0, third, third, third], shape: [2, 1, 3], "normalized direction")
    }
    suite.check("matches the library on random parameters", zh: "在隨機參數上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let shape = (0..<c.int(in: 1...3)).map { _ in c.int(in: 1...6) }
            let count = shape.reduce(1, *)
            let direction = c.normals(count), weights = c.normals(count, std: 0.1 * Float(c.int(in: 1...30)))
            let expected = FilterNormalizedDirection.normalize(Tensor(shape: shape, scalars: direction),
                                                               like: Tensor(shape: shape, scalars: weights)).scalars
            try c.expectClose(filterNormalize(direction: direction, weights: weights, shape: shape), expected,
                              shape: shape, "direction of shape \(shape)")
        }
    }
}
