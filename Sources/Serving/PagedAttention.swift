import Foundation
import Tensors

/// One forward step of a batch of sequences, each with its own new tokens and its own
/// ``BlockTable``: a long prompt being prefilled and a dozen sequences decoding one token each
/// run through the weight matrices together, as rows of one `[N, C]` matrix.
public struct PagedBatch {
    public struct Entry {
        /// The new tokens; their positions are `start ..< start + tokens.count`.
        public var tokens: [Int]
        public var start: Int
        public var table: BlockTable

        public init(tokens: [Int], start: Int, table: BlockTable) {
            self.tokens = tokens
            self.start = start
            self.table = table
        }
    }

    public var entries: [Entry]
    public init(_ entries: [Entry]) { self.entries = entries }

    /// Rows of the stacked `[N, C]` activations: the total number of new tokens.
    public var tokenCount: Int { entries.reduce(0) { $0 + $1.tokens.count } }
    /// Each entry's first row in the stacked activations.
    public var firstRows: [Int] {
        var rows: [Int] = [], next = 0
        for entry in entries { rows.append(next); next += entry.tokens.count }
        return rows
    }
    /// The position of every row: what RoPE or a position table needs.
    public var positions: [Int] { entries.flatMap { Array($0.start..<($0.start + $0.tokens.count)) } }
}

/// Attention that reads keys and values through block tables.
///
/// Each new token's query attends to every earlier position of its own sequence (and itself):
/// `softmax(q·Kᵀ/√d)·V` over positions `0…p`, the keys and values gathered from whichever pool
/// blocks hold them. Grouped-query attention: query head `h` reads key/value head
/// `h / (H / Hkv)`.
public enum PagedAttention {
    // ANCHOR: store
    /// Writes the new tokens' key and value rows `[N, Hkv·d]` into their sequences' blocks.
    public static func store(keys: UnsafePointer<Float>, values: UnsafePointer<Float>, batch: PagedBatch,
                             layer: Int, pool: BlockPool) {
        let rowSize = pool.rowSize
        for (entry, first) in zip(batch.entries, batch.firstRows) {
            for i in entry.tokens.indices {
                let (block, row) = entry.table.location(of: entry.start + i, blockSize: pool.blockSize)
                let source = (first + i) * rowSize
                (pool.keys(block: block, layer: layer) + row * rowSize).update(from: keys + source, count: rowSize)
                (pool.values(block: block, layer: layer) + row * rowSize).update(from: values + source, count: rowSize)
            }
        }
    }
    // ANCHOR_END: store

    // ANCHOR: attend
    /// `[N, H·d]` attention outputs for the queries `[N, H·d]` (already rotated), causal within
    /// each sequence. The keys and values of the new tokens must be stored first.
    ///
    /// The scores of one head against one block are a matrix–vector product: the block's key
    /// rows for that head are a `[blockSize, d]` matrix with a row stride of `Hkv·d`, so BLAS
    /// computes them in one call (``attendReference`` is the same computation as plain loops).
    public static func attend(queries: UnsafePointer<Float>, heads: Int, keyValueHeads: Int, headSize d: Int,
                              batch: PagedBatch, layer: Int, pool: BlockPool) -> [Float] {
        let group = heads / keyValueHeads, size = pool.blockSize, rowSize = pool.rowSize
        let scale = 1 / Float(d).squareRoot()
        var output = [Float](repeating: 0, count: batch.tokenCount * heads * d)
        output.withUnsafeMutableBufferPointer { out in
            for (entry, first) in zip(batch.entries, batch.firstRows) {
                var scores = [Float](repeating: 0, count: entry.table.blocks.count * size)
                scores.withUnsafeMutableBufferPointer { scores in
                    for i in entry.tokens.indices {
                        let count = entry.start + i + 1  // attends to positions 0..<count
                        for h in 0..<heads {
                            let q = queries + (first + i) * heads * d + h * d
                            let kvOffset = (h / group) * d
                            // Scores q·k/√d, one block at a time.
                            for (index, block) in entry.table.blocks.enumerated() where index * size < count {
                                Tensor.gemv(m: min(size, count - index * size), n: d, alpha: scale,
                                            a: pool.keys(block: block, layer: layer) + kvOffset, lda: rowSize,
                                            x: q, beta: 0, y: scores.baseAddress! + index * size)
                            }
                            var maximum = -Float.infinity
                            for p in 0..<count { maximum = max(maximum, scores[p]) }
                            var total: Float = 0
                            for p in 0..<count { scores[p] = expf(scores[p] - maximum); total += scores[p] }
                            // The weighted sum of the value rows.
                            let o = out.baseAddress! + (first + i) * heads * d + h * d
                            for p in 0..<count {
                                let (block, row) = (entry.table.blocks[p / size], p % size)
                                let v = pool.values(block: block, layer: layer) + row * rowSize + kvOffset, w = scores[p] / total
                                for j in 0..<d { o[j] += w * v[j] }
                            }
                        }
                    }
                }
            }
        }
        return output
    }
    // ANCHOR_END: attend

    /// ``attend(queries:heads:keyValueHeads:headSize:batch:layer:pool:)`` as plain loops, position
    /// by position: the reference the tests compare the fast version with.
    public static func attendReference(queries: UnsafePointer<Float>, heads: Int, keyValueHeads: Int, headSize d: Int,
                                       batch: PagedBatch, layer: Int, pool: BlockPool) -> [Float] {
        let group = heads / keyValueHeads
        let scale = 1 / Float(d).squareRoot()
        var output = [Float](repeating: 0, count: batch.tokenCount * heads * d)
        output.withUnsafeMutableBufferPointer { out in
            for (entry, first) in zip(batch.entries, batch.firstRows) {
                let length = entry.start + entry.tokens.count
                let (keyRows, valueRows) = rows(of: entry.table, length: length, layer: layer, pool: pool)
                var scores = [Float](repeating: 0, count: length)
                for i in entry.tokens.indices {
                    let last = entry.start + i
                    for h in 0..<heads {
                        let q = queries + (first + i) * heads * d + h * d
                        let kvOffset = (h / group) * d
                        var maximum = -Float.infinity
                        for p in 0...last {
                            var dot: Float = 0
                            for j in 0..<d { dot += q[j] * keyRows[p][kvOffset + j] }
                            scores[p] = dot * scale
                            maximum = max(maximum, scores[p])
                        }
                        var total: Float = 0
                        for p in 0...last { scores[p] = expf(scores[p] - maximum); total += scores[p] }
                        let o = out.baseAddress! + (first + i) * heads * d + h * d
                        for p in 0...last {
                            let w = scores[p] / total
                            for j in 0..<d { o[j] += w * valueRows[p][kvOffset + j] }
                        }
                    }
                }
            }
        }
        return output
    }

    /// The key and value row of every position `0..<length` of a sequence in `layer`.
    static func rows(of table: BlockTable, length: Int, layer: Int, pool: BlockPool)
        -> (keys: [UnsafeMutablePointer<Float>], values: [UnsafeMutablePointer<Float>]) {
        var keys: [UnsafeMutablePointer<Float>] = [], values: [UnsafeMutablePointer<Float>] = []
        keys.reserveCapacity(length)
        values.reserveCapacity(length)
        for p in 0..<length {
            let (block, row) = table.location(of: p, blockSize: pool.blockSize)
            keys.append(pool.keys(block: block, layer: layer) + row * pool.rowSize)
            values.append(pool.values(block: block, layer: layer) + row * pool.rowSize)
        }
        return (keys, values)
    }
    // ANCHOR_END: attend
}
