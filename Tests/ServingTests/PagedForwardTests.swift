import Autograd
import Tensors
import Testing
import Transformers
@testable import Serving

/// The paged forward pass against the models' own cached forward pass, sequence by sequence.
@Suite struct PagedForwardTests {
    static var llama: LlamaModel { LlamaModel(config: LlamaConfig(vocabularySize: 97, hiddenSize: 48, intermediateSize: 96, layerCount: 2,
                                                      headCount: 6, keyValueHeadCount: 2, maxPositions: 64), seed: 3) }
    static var gpt2: GPT2Model { GPT2Model(config: GPT2Config(vocabularySize: 89, contextLength: 64, embeddingSize: 32, layerCount: 2, headCount: 4), seed: 5) }

    /// Reference: each sequence alone through `logits(_:cache:)`, last row of each chunk.
    func reference(_ model: any LanguageModel, chunks: [[Int]]) -> [[Float]] {
        let cache = model.makeCache()
        return chunks.map { chunk in
            let out = withNoGrad { model.logits(chunk, batchSize: 1, cache: cache) }.value
            let v = model.vocabularySize
            return Array(out.scalars[((chunk.count - 1) * v)..<(chunk.count * v)])
        }
    }

    /// Three sequences with different lengths share every forward step: one is prefilled while
    /// the others decode. Block size 4, so sequences span several scattered blocks.
    func check(_ model: some LanguageModel & PagedLanguageModel) throws {
        let layout = model.pagedCacheLayout
        let pool = BlockPool(blocks: 32, blockSize: 4, layers: layout.layers, rowSize: layout.rowSize)
        // Per sequence: the chunks fed at successive steps.
        let plans: [[[Int]]] = [[[1, 2, 3, 4, 5, 6, 7], [8], [9], [10]],
                                [[11, 12, 13], [14, 15, 16, 17, 18], [19], [20]],
                                [[21], [22], [23, 24, 25, 26, 27, 28, 29, 30, 31], [32]]]
        var tables = Array(repeating: BlockTable(), count: plans.count)
        var paged = Array(repeating: [[Float]](), count: plans.count)
        for step in 0..<4 {
            var entries: [PagedBatch.Entry] = []
            for s in plans.indices {
                let chunk = plans[s][step]
                try tables[s].reserve(upTo: tables[s].length + chunk.count, in: pool)
                entries.append(.init(tokens: chunk, start: tables[s].length, table: tables[s]))
                tables[s].length += chunk.count
            }
            for (s, row) in model.pagedLogits(PagedBatch(entries), pool: pool).enumerated() { paged[s].append(row) }
        }
        for s in plans.indices {
            let expected = reference(model, chunks: plans[s])
            for (a, b) in zip(paged[s], expected) {
                let worst = zip(a, b).map { abs($0 - $1) }.max()!
                #expect(worst < 1e-4, "sequence \(s): max |Δ| \(worst)")
            }
        }
        // Blocks come back when the sequences finish.
        #expect(pool.inUseCount == tables.reduce(0) { $0 + $1.blocks.count })
        for s in tables.indices { tables[s].releaseAll(to: pool) }
        #expect(pool.freeCount == pool.blockCount)
    }

    @Test func llamaAgreesWithItsCachedForward() throws { try check(Self.llama) }
    @Test func gpt2AgreesWithItsCachedForward() throws { try check(Self.gpt2) }

    @Test func failedReservationTakesNothing() throws {
        let pool = BlockPool(blocks: 3, blockSize: 4, layers: 1, rowSize: 2)
        var a = BlockTable(), b = BlockTable()
        try a.reserve(upTo: 8, in: pool)
        #expect(throws: PoolExhausted.self) { try b.reserve(upTo: 12, in: pool) }
        #expect(b.blocks.isEmpty && pool.freeCount == 1)
    }
}

/// The BLAS-backed paged attention against its plain-loop reference, with grouped heads,
/// scattered blocks and partly filled last blocks.
@Suite struct PagedAttentionTests {
    @Test func fastEqualsReference() throws {
        var rng = SplitMix64(seed: 9)
        let (heads, kvHeads, d, size) = (6, 2, 8, 4)
        let pool = BlockPool(blocks: 40, blockSize: size, layers: 1, rowSize: kvHeads * d)
        var entries: [PagedBatch.Entry] = []
        for (start, count) in [(0, 7), (9, 1), (3, 6)] {
            var table = BlockTable()
            _ = try pool.allocate()  // a gap, so the tables' blocks are not adjacent
            try table.reserve(upTo: start + count, in: pool)
            entries.append(.init(tokens: Array(repeating: 0, count: count), start: start, table: table))
        }
        // Random keys and values in every block; random queries.
        for block in 0..<pool.blockCount {
            for i in 0..<(size * pool.rowSize) {
                pool.keys(block: block, layer: 0)[i] = Float(rng.nextUniformDouble() * 2 - 1)
                pool.values(block: block, layer: 0)[i] = Float(rng.nextUniformDouble() * 2 - 1)
            }
        }
        let batch = PagedBatch(entries)
        let queries = (0..<(batch.tokenCount * heads * d)).map { _ in Float(rng.nextUniformDouble() * 2 - 1) }
        let fast = queries.withUnsafeBufferPointer {
            PagedAttention.attend(queries: $0.baseAddress!, heads: heads, keyValueHeads: kvHeads, headSize: d, batch: batch, layer: 0, pool: pool)
        }
        let slow = queries.withUnsafeBufferPointer {
            PagedAttention.attendReference(queries: $0.baseAddress!, heads: heads, keyValueHeads: kvHeads, headSize: d, batch: batch, layer: 0, pool: pool)
        }
        #expect(zip(fast, slow).map { abs($0 - $1) }.max()! < 1e-5)
    }
}
