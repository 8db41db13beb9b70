/// A fixed pool of KV-cache blocks, each holding the keys and values of `blockSize` positions
/// for every layer — the memory manager of paged attention (Kwon et al. 2023, vLLM).
///
/// A contiguous cache per sequence must reserve the whole context up front, and what a short
/// answer leaves unused is wasted. Paging allocates `blockSize` positions at a time from one
/// shared pool, so memory follows what sequences actually hold, a finished sequence's blocks go
/// straight to the next one, and two sequences with the same prompt prefix can point at the same
/// blocks (reference counts say how many tables hold a block).
///
/// Layout of one block, `layers × 2 × blockSize × (Hkv·d)` floats:
/// ```
/// block b ─ layer 0 ─ keys   [blockSize, Hkv·d]
///         │         └ values [blockSize, Hkv·d]
///         └ layer 1 …
/// ```
///
/// ```swift
/// let pool = BlockPool(blocks: 64, blockSize: 16, layers: 2, rowSize: 128)
/// let b = try pool.allocate()          // reference count 1
/// pool.keys(block: b, layer: 0)[0] = 1 // write position 0's key
/// pool.release(b)                       // back in the free list
/// ```
public final class BlockPool: @unchecked Sendable {
    public let blockCount: Int
    public let blockSize: Int
    public let layers: Int
    /// Floats in one position's key (or value) row: `Hkv · d`.
    public let rowSize: Int
    let storage: UnsafeMutablePointer<Float>
    private(set) var referenceCounts: [Int]
    private var free: [Int]
    /// The largest number of blocks ever in use at once.
    public private(set) var peakInUse = 0

    public init(blocks: Int, blockSize: Int, layers: Int, rowSize: Int) {
        precondition(blocks > 0 && blockSize > 0 && layers > 0 && rowSize > 0, "BlockPool: every size must be positive")
        blockCount = blocks
        self.blockSize = blockSize
        self.layers = layers
        self.rowSize = rowSize
        let count = blocks * layers * 2 * blockSize * rowSize
        storage = .allocate(capacity: count)
        storage.initialize(repeating: 0, count: count)
        referenceCounts = Array(repeating: 0, count: blocks)
        free = Array((0..<blocks).reversed())  // pop from the end: block 0 first
    }

    deinit { storage.deallocate() }

    /// Bytes of one block: `2 · layers · blockSize · Hkv · d · 4`.
    public var bytesPerBlock: Int { 2 * layers * blockSize * rowSize * MemoryLayout<Float>.size }
    /// Bytes of keys and values per cached token.
    public var bytesPerToken: Int { bytesPerBlock / blockSize }
    public var freeCount: Int { free.count }
    public var inUseCount: Int { blockCount - free.count }

    /// A fresh block with reference count 1, or ``PoolExhausted`` when every block is taken.
    public func allocate() throws(PoolExhausted) -> Int {
        guard let block = free.popLast() else { throw PoolExhausted() }
        referenceCounts[block] = 1
        peakInUse = max(peakInUse, inUseCount)
        return block
    }

    /// One more block table points at `block` (a shared prefix).
    public func retain(_ block: Int) {
        precondition(referenceCounts[block] > 0, "BlockPool.retain: block \(block) is free")
        referenceCounts[block] += 1
    }

    /// One table lets go of `block`; at zero it returns to the free list. Returns whether it did.
    @discardableResult
    public func release(_ block: Int) -> Bool {
        precondition(referenceCounts[block] > 0, "BlockPool.release: block \(block) is already free")
        referenceCounts[block] -= 1
        guard referenceCounts[block] == 0 else { return false }
        free.append(block)
        return true
    }

    public func referenceCount(_ block: Int) -> Int { referenceCounts[block] }

    /// The `[blockSize, rowSize]` key rows of `block` in `layer`.
    public func keys(block: Int, layer: Int) -> UnsafeMutablePointer<Float> {
        storage + ((block * layers + layer) * 2) * blockSize * rowSize
    }

    /// The `[blockSize, rowSize]` value rows of `block` in `layer`.
    public func values(block: Int, layer: Int) -> UnsafeMutablePointer<Float> {
        keys(block: block, layer: layer) + blockSize * rowSize
    }
}

/// Every block of the pool is in use; the scheduler waits or preempts a sequence.
public struct PoolExhausted: Error, CustomStringConvertible {
    public var description: String { "the KV-cache block pool is full" }
}
