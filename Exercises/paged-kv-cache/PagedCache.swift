import LLMCourseKit

/// Blocks a block table holding `held` blocks (with `cached` positions written) must add so that
/// `newTokens` more positions fit.
func blocksToAdd(held: Int, cached: Int, newTokens: Int, blockSize: Int) -> Int {
    // TODO: how many blocks do cached + newTokens positions need in all?
    return (newTokens + blockSize - 1) / blockSize
}

/// `[block, row]`: where `position` of the sequence whose block table is `blocks` is stored.
func locate(position: Int, blocks: [Int], blockSize: Int) -> [Int] {
    // TODO: the table's entry for this position, and the row inside that block.
    return [position / blockSize, position % blockSize]
}

/// Positions of `prompt` that can reuse full blocks the `earlier` prompts filled.
func reusablePositions(prompt: [Int], earlier: [[Int]], blockSize: Int) -> Int {
    // TODO: compare block by block with the earlier prompts; stop at the first block none shares;
    // never reuse the block that holds the prompt's last token.
    return 0
}
