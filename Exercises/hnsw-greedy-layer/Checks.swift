import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    // Six points on a circle, linked in a ring: 0 – 1 – 2 – 3 – 4 – 5 – 0.
    let ring: [[Float]] = (0..<6).map { i in [Float(cos(Double(i) * .pi / 3)), Float(sin(Double(i) * .pi / 3))] }
    let ringLinks = (0..<6).map { [($0 + 5) % 6, ($0 + 1) % 6] }

    suite.check("walks round a ring towards the query", zh: "沿著環狀圖走向查詢") { c in
        // The query points at node 3 (angle 180°); from node 0 both ways are equally good, and
        // the first-listed neighbor (5) wins the tie.
        try c.expectEqual(greedyPath(query: [-1, 0.01], vectors: ring, neighbors: ringLinks, start: 1), [1, 2, 3], "path from node 1")
        try c.expectEqual(greedyPath(query: [-1, 0], vectors: ring, neighbors: ringLinks, start: 0), [0, 5, 4, 3], "path from node 0 (tie)")
        try c.expectEqual(greedyPath(query: [-1, 0], vectors: ring, neighbors: ringLinks, start: 3), [3], "starting at the best node")
    }
    suite.check("jumps to the best neighbor, not the first better one", zh: "跳到最好的鄰居，而不是第一個比較好的") { c in
        let vectors: [[Float]] = [[0, 1], [0.6, 0.8], [1, 0], [0.8, 0.6]]
        let links = [[1, 3, 2], [0], [3], [2]]
        try c.expectEqual(greedyPath(query: [1, 0], vectors: vectors, neighbors: links, start: 0), [0, 2], "path from node 0")
    }
    suite.check("stops at a local maximum, which need not be the best node", zh: "停在局部最大值，未必是最好的節點") { c in
        // Node 2 is the best, but only reachable through node 1, which is worse than node 0.
        let vectors: [[Float]] = [[0.9, 0.1], [0, 1], [1, 0]]
        let links = [[1], [0, 2], [1]]
        try c.expectEqual(greedyPath(query: [1, 0], vectors: vectors, neighbors: links, start: 0), [0], "path from node 0")
    }
    suite.check("matches the library on random graphs", zh: "在隨機圖上與函式庫一致", points: 2) { c in
        for _ in 0..<20 {
            let n = c.int(in: 2...40), d = c.int(in: 2...8)
            let vectors = (0..<n).map { _ in c.floats(d, in: -1...1) }
            let links = (0..<n).map { _ in (0..<c.int(in: 1...5)).map { _ in c.int(in: 0...(n - 1)) } }
            let query = c.floats(d, in: -1...1), start = c.int(in: 0...(n - 1))
            let expected = GreedyWalk.path(from: start, neighbors: { links[$0] }, similarity: { VectorMath.dot(query, vectors[$0]) }).path
            let got = greedyPath(query: query, vectors: vectors, neighbors: links, start: start)
            try c.expectEqual(got.first, start, "first node of the path")
            try c.expectEqual(got.last, expected.last, "stopping node (\(n) nodes, \(d) dimensions)")
            try c.expectEqual(got, expected, "path (\(n) nodes, \(d) dimensions)")
        }
    }
}
