import LLMCourseKit

/// The total error and cost of `choice`, after checking it names one valid option per layer.
func total(_ choice: [Int], costs: [[Int]], errors: [[Double]], _ c: CheckContext) throws -> (error: Double, cost: Int) {
    try c.expectEqual(choice.count, costs.count, "one option per layer")
    for (l, k) in choice.enumerated() { try c.expect(costs[l].indices.contains(k), "layer \(l): option \(k) does not exist") }
    return (zip(choice.indices, choice).reduce(0) { $0 + errors[$1.0][$1.1] }, zip(choice.indices, choice).reduce(0) { $0 + costs[$1.0][$1.1] })
}

/// The optimum by trying every assignment.
func bruteForce(costs: [[Int]], errors: [[Double]], capacity: Int) -> Double? {
    var best: Double?
    func walk(_ l: Int, _ cost: Int, _ error: Double) {
        if cost > capacity { return }
        if l == costs.count { if error < (best ?? .infinity) { best = error }; return }
        for k in costs[l].indices { walk(l + 1, cost + costs[l][k], error + errors[l][k]) }
    }
    walk(0, 0, 0)
    return best
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("two layers worked by hand, where greedy goes wrong", zh: "手算的兩層例子：貪婪法在這裡會選錯") { c in
        // Upgrading A saves 6 per bit, B only 3.5 per bit; greedy buys A first (cost 5) and then
        // cannot afford B. The optimum keeps A cheap and upgrades B: cost 6, error 11.
        let costs = [[2, 3], [2, 4]], errors = [[10.0, 4.0], [8.0, 1.0]]
        try c.expectEqual(allocateBits(costs: costs, errors: errors, capacity: 6), [0, 1], "choice at capacity 6")
        try c.expectEqual(allocateBits(costs: costs, errors: errors, capacity: 7), [1, 1], "choice at capacity 7 (exactly the budget)")
        try c.expectEqual(allocateBits(costs: costs, errors: errors, capacity: 4), [0, 0], "choice at capacity 4")
    }
    suite.check("optimal and within budget on random instances", zh: "隨機題目上是最佳解且不超出預算", points: 2) { c in
        for _ in 0..<40 {
            let layers = c.int(in: 1...5), options = c.int(in: 1...4)
            let costs = (0..<layers).map { _ in (0..<options).map { _ in c.int(in: 1...20) } }
            let errors = (0..<layers).map { _ in (0..<options).map { _ in Double(c.float(in: 0...1)) } }
            let capacity = c.int(in: layers...(20 * layers))
            let choice = allocateBits(costs: costs, errors: errors, capacity: capacity)
            guard let expected = bruteForce(costs: costs, errors: errors, capacity: capacity) else {
                try c.expectEqual(choice, [], "no assignment fits capacity \(capacity): the answer")
                continue
            }
            let got = try total(choice, costs: costs, errors: errors, c)
            try c.expect(got.cost <= capacity, "cost \(got.cost) exceeds the capacity \(capacity)")
            try c.expectClose(got.error, expected, atol: 1e-9, rtol: 1e-9, "total error")
        }
    }
    suite.check("a budget nothing fits gives []", zh: "什麼都放不下的預算回傳 []") { c in
        try c.expectEqual(allocateBits(costs: [[3, 5], [4, 6]], errors: [[1, 0.5], [1, 0.5]], capacity: 6), [], "capacity 6 < 3 + 4")
    }
}
