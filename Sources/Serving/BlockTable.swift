/// One sequence's view of the paged KV cache: which pool blocks hold its positions, in order.
///
/// Position `p` lives in block `blocks[p / blockSize]` at row `p % blockSize`. The table grows a
/// block at a time as the sequence does; the blocks need not be adjacent in the pool.
///
/// ```swift
/// var table = BlockTable()
/// try table.reserve(upTo: 20, in: pool)   // blockSize 16: two blocks
/// let (block, row) = table.location(of: 17, blockSize: pool.blockSize)   // (blocks[1], 1)
/// table.releaseAll(to: pool)
/// ```
public struct BlockTable: Sendable {
    public private(set) var blocks: [Int] = []
    /// Positions whose keys and values are written.
    public var length = 0

    public init() {}

    /// Positions the table's blocks can hold.
    public func capacity(blockSize: Int) -> Int { blocks.count * blockSize }

    /// Blocks still to allocate so that `positions` positions fit.
    public func blocksNeeded(upTo positions: Int, blockSize: Int) -> Int {
        Self.blocksNeeded(holding: blocks.count, upTo: positions, blockSize: blockSize)
    }

    // ANCHOR: reserve
    /// Blocks a table holding `held` blocks must add so that `positions` positions fit:
    /// `⌈positions / blockSize⌉ − held`, never negative.
    public static func blocksNeeded(holding held: Int, upTo positions: Int, blockSize: Int) -> Int {
        max(0, (positions + blockSize - 1) / blockSize - held)
    }

    /// Allocates blocks until `positions` positions fit. On ``PoolExhausted`` the blocks taken by
    /// this call are given back, so a failed reservation changes nothing.
    public mutating func reserve(upTo positions: Int, in pool: BlockPool) throws(PoolExhausted) {
        let before = blocks.count
        do {
            while capacity(blockSize: pool.blockSize) < positions { blocks.append(try pool.allocate()) }
        } catch {
            for block in blocks[before...] { pool.release(block) }
            blocks.removeLast(blocks.count - before)
            throw error
        }
    }

    /// Where position `p` is stored: the pool block and the row inside it.
    public func location(of position: Int, blockSize: Int) -> (block: Int, row: Int) {
        Self.location(of: position, blocks: blocks, blockSize: blockSize)
    }

    /// Position `p` of a sequence whose table is `blocks`: block `blocks[p / blockSize]`, row `p mod blockSize`.
    public static func location(of position: Int, blocks: [Int], blockSize: Int) -> (block: Int, row: Int) {
        (blocks[position / blockSize], position % blockSize)
    }
    // ANCHOR_END: reserve

    /// Starts the table with blocks another sequence already filled (a shared prefix): each is
    /// retained, and their positions count as written.
    public mutating func adopt(prefix shared: [Int], in pool: BlockPool) {
        precondition(blocks.isEmpty, "BlockTable.adopt: the table already holds blocks")
        for block in shared { pool.retain(block) }
        blocks = shared
        length = shared.count * pool.blockSize
    }

    /// Gives every block back (a finished, cancelled or preempted sequence).
    public mutating func releaseAll(to pool: BlockPool) {
        for block in blocks { pool.release(block) }
        blocks = []
        length = 0
    }
}
