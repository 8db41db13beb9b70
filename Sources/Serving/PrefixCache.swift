/// Full KV-cache blocks indexed by the tokens that filled them, so a request whose prompt starts
/// like a running one (the same system prompt, the same few-shot examples) reuses those blocks
/// instead of computing and storing the same keys and values again.
///
/// A block is identified by every token up to its end, not only its own: the keys at a position
/// depend on every earlier token, so equal tokens after different prefixes are different blocks.
/// Only full blocks written by a finished prefill are shared; a shared block is never written
/// again (each sequence's own tokens start in a block of its own).
///
/// ```swift
/// let shared = cache.longestPrefix(of: prompt, blockSize: 16, limit: (prompt.count - 1) / 16)
/// table.adopt(prefix: shared, in: pool)   // skips shared.count × 16 positions of prefill
/// ```
public struct PrefixCache: Sendable {
    /// The tokens from the start of the prompt to the end of the block.
    typealias Key = [Int]

    private var blocksByKey: [Key: Int] = [:]
    private var keysByBlock: [Int: Key] = [:]

    public init() {}

    public var count: Int { blocksByKey.count }

    // ANCHOR: prefix-lookup
    /// The blocks holding the longest run of `tokens`' leading full blocks seen before, at most
    /// `limit` of them.
    public func longestPrefix(of tokens: [Int], blockSize: Int, limit: Int) -> [Int] {
        var blocks: [Int] = []
        for index in 0..<min(limit, tokens.count / blockSize) {
            guard let block = blocksByKey[Array(tokens[..<((index + 1) * blockSize)])] else { break }
            blocks.append(block)
        }
        return blocks
    }
    // ANCHOR_END: prefix-lookup

    /// Records the full blocks of a table whose first `tokens.count` positions are written.
    public mutating func register(tokens: [Int], table: BlockTable, blockSize: Int) {
        for index in 0..<min(table.blocks.count, tokens.count / blockSize) {
            let block = table.blocks[index], key = Array(tokens[..<((index + 1) * blockSize)])
            if blocksByKey[key] == nil && keysByBlock[block] == nil {
                blocksByKey[key] = block
                keysByBlock[block] = key
            }
        }
    }

    /// A block went back to the pool: its contents will be overwritten.
    public mutating func forget(_ block: Int) {
        if let key = keysByBlock.removeValue(forKey: block) { blocksByKey[key] = nil }
    }
}
