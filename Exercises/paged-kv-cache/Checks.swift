import Foundation
import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("blocks to add", zh: "要新增的區塊數") { c in
        try c.expectEqual(blocksToAdd(held: 0, cached: 0, newTokens: 20, blockSize: 16), 2, "an empty table, a 20-token prompt")
        try c.expectEqual(blocksToAdd(held: 2, cached: 20, newTokens: 1, blockSize: 16), 0, "one more token still fits")
        try c.expectEqual(blocksToAdd(held: 2, cached: 32, newTokens: 1, blockSize: 16), 1, "position 32 opens a third block")
        try c.expectEqual(blocksToAdd(held: 4, cached: 10, newTokens: 5, blockSize: 8), 0, "more blocks held than needed")
        for _ in 0..<30 {
            let size = c.int(in: 1...32), cached = c.int(in: 0...300), held = (cached + size - 1) / size + c.int(in: 0...2)
            let new = c.int(in: 0...100)
            try c.expectEqual(blocksToAdd(held: held, cached: cached, newTokens: new, blockSize: size),
                              BlockTable.blocksNeeded(holding: held, upTo: cached + new, blockSize: size),
                              "held \(held), cached \(cached), \(new) new, block size \(size)")
        }
    }
    suite.check("where a position lives", zh: "位置存在哪裡") { c in
        try c.expectEqual(locate(position: 0, blocks: [7, 2, 9], blockSize: 4), [7, 0], "position 0")
        try c.expectEqual(locate(position: 5, blocks: [7, 2, 9], blockSize: 4), [2, 1], "position 5: second block, row 1")
        try c.expectEqual(locate(position: 11, blocks: [7, 2, 9], blockSize: 4), [9, 3], "position 11: last row of the third block")
        for _ in 0..<30 {
            let size = c.int(in: 1...16), count = c.int(in: 1...8)
            let blocks = (0..<count).map { _ in c.int(in: 0...99) }
            let position = c.int(in: 0...(count * size - 1))
            let expected = BlockTable.location(of: position, blocks: blocks, blockSize: size)
            try c.expectEqual(locate(position: position, blocks: blocks, blockSize: size), [expected.block, expected.row],
                              "position \(position) of \(blocks), block size \(size)")
        }
    }
    suite.check("reusable prompt positions", zh: "可重複使用的提示位置") { c in
        let system = Array(1...8)
        try c.expectEqual(reusablePositions(prompt: system + [20, 21, 22], earlier: [system + [30]], blockSize: 4), 8,
                          "two full blocks of a shared system prompt")
        try c.expectEqual(reusablePositions(prompt: system, earlier: [system + [30]], blockSize: 4), 4,
                          "the block holding the last prompt token is computed")
        try c.expectEqual(reusablePositions(prompt: [9, 2, 3, 4] + Array(5...12), earlier: [system + [9, 10, 11, 12]], blockSize: 4), 0,
                          "a later block matches but the first does not")
        try c.expectEqual(reusablePositions(prompt: [1, 2, 3], earlier: [[1, 2, 3, 4, 5]], blockSize: 4), 0, "a prompt shorter than a block")
        for _ in 0..<25 {
            let size = c.int(in: 1...6)
            let base = (0..<c.int(in: 0...20)).map { _ in c.int(in: 0...3) }
            let earlier = (0..<c.int(in: 0...3)).map { _ in Array(base.prefix(c.int(in: 0...base.count))) + (0..<c.int(in: 0...8)).map { _ in c.int(in: 0...3) } }
            let prompt = Array(base.prefix(c.int(in: 0...base.count))) + (0..<c.int(in: 1...8)).map { _ in c.int(in: 0...3) }
            let pool = BlockPool(blocks: earlier.reduce(1) { $0 + $1.count / size + 1 }, blockSize: size, layers: 1, rowSize: 1)
            var cache = PrefixCache()
            for tokens in earlier {
                var table = BlockTable()
                try table.reserve(upTo: tokens.count, in: pool)
                cache.register(tokens: tokens, table: table, blockSize: size)
            }
            let expected = cache.longestPrefix(of: prompt, blockSize: size, limit: (prompt.count - 1) / size).count * size
            try c.expectEqual(reusablePositions(prompt: prompt, earlier: earlier, blockSize: size), expected,
                              "prompt \(prompt), earlier \(earlier), block size \(size)")
        }
    }
}
