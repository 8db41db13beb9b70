import LLMCourseKit

// The reference answer: the course's paged KV cache (Sources/Serving/BlockTable.swift, region
// "reserve", and Sources/Serving/PrefixCache.swift, region "prefix-lookup").
func blocksToAdd(held: Int, cached: Int, newTokens: Int, blockSize: Int) -> Int {
    BlockTable.blocksNeeded(holding: held, upTo: cached + newTokens, blockSize: blockSize)
}

func locate(position: Int, blocks: [Int], blockSize: Int) -> [Int] {
    let (block, row) = BlockTable.location(of: position, blocks: blocks, blockSize: blockSize)
    return [block, row]
}

func reusablePositions(prompt: [Int], earlier: [[Int]], blockSize: Int) -> Int {
    // Each earlier prompt gets blocks of its own in a pool, then registers its full blocks.
    let pool = BlockPool(blocks: earlier.reduce(1) { $0 + $1.count / blockSize + 1 }, blockSize: blockSize, layers: 1, rowSize: 1)
    var cache = PrefixCache()
    for tokens in earlier {
        var table = BlockTable()
        try? table.reserve(upTo: tokens.count, in: pool)
        cache.register(tokens: tokens, table: table, blockSize: blockSize)
    }
    return cache.longestPrefix(of: prompt, blockSize: blockSize, limit: (prompt.count - 1) / blockSize).count * blockSize
}
