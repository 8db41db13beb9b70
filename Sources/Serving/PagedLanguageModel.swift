import Autograd
import NeuralNets
import Tensors
import Transformers

/// A model that can run a ``PagedBatch``: the new tokens of many sequences at once, each
/// attending to its own keys and values in a shared ``BlockPool``.
///
/// ``LlamaModel`` and ``GPT2Model`` conform. Their weights are the ones `logits(_:cache:)` uses;
/// only the attention differs (block tables instead of one contiguous cache per batch), so for
/// every sequence the logits agree with running that sequence alone (the tests check it).
///
/// ```swift
/// let pool = BlockPool(blocks: 64, blockSize: 16, layers: model.pagedCacheLayout.layers,
///                      rowSize: model.pagedCacheLayout.rowSize)
/// var table = BlockTable()
/// try table.reserve(upTo: prompt.count, in: pool)
/// let rows = model.pagedLogits(PagedBatch([.init(tokens: prompt, start: 0, table: table)]), pool: pool)
/// ```
public protocol PagedLanguageModel: AnyObject {
    var vocabularySize: Int { get }
    var contextLength: Int { get }
    /// Layers, and floats per position per layer in the key (or value) rows: `Hkv · d`.
    var pagedCacheLayout: (layers: Int, rowSize: Int) { get }
    /// Stores every new token's keys and values and returns the logits `[E][V]` of each entry's
    /// last new token (the one a sampler continues from).
    func pagedLogits(_ batch: PagedBatch, pool: BlockPool) -> [[Float]]
}

extension PagedBatch {
    /// Stacked row index of each entry's last new token.
    var lastRows: [Int] { zip(firstRows, entries).map { $0 + $1.tokens.count - 1 } }
}

/// `[1, N, C]` → `[1, E, C]`: the rows a sampler needs, before the final norm and the output
/// projection (the two most expensive per-row steps for a large vocabulary).
func selectRows(_ x: Variable, _ rows: [Int]) -> Variable {
    let c = x.shape[2]
    let source = x.value.scalars
    var out = [Float](); out.reserveCapacity(rows.count * c)
    for r in rows { out.append(contentsOf: source[(r * c)..<((r + 1) * c)]) }
    return Variable(Tensor(shape: [1, rows.count, c], scalars: out))
}

/// `[1, E, V]` logits as one array per row.
func logitRows(_ logits: Variable) -> [[Float]] {
    let v = logits.shape[2], s = logits.value.scalars
    return (0..<logits.shape[1]).map { Array(s[($0 * v)..<(($0 + 1) * v)]) }
}

/// RoPE on rows `[N, heads·d]` whose positions differ row by row.
func rotate(_ rows: inout [Float], heads: Int, rope: RotaryEmbedding, batch: PagedBatch) {
    let d = rope.headSize, half = d / 2
    var row = 0
    for entry in batch.entries {
        let (cosTable, sinTable) = rope.tables(length: entry.tokens.count, offset: entry.start)
        for t in entry.tokens.indices {
            for h in 0..<heads {
                let base = (row * heads + h) * d
                for i in 0..<half {
                    let x1 = rows[base + i], x2 = rows[base + half + i]
                    let c = cosTable[t * half + i], s = sinTable[t * half + i]
                    rows[base + i] = x1 * c - x2 * s
                    rows[base + half + i] = x2 * c + x1 * s
                }
            }
            row += 1
        }
    }
}

/// Stores keys and values, then attends: the part of a layer that reads the block tables.
func pagedSelfAttention(queries: [Float], keys: [Float], values: [Float], heads: Int, keyValueHeads: Int, headSize: Int,
                        batch: PagedBatch, layer: Int, pool: BlockPool) -> Variable {
    keys.withUnsafeBufferPointer { k in
        values.withUnsafeBufferPointer { v in
            PagedAttention.store(keys: k.baseAddress!, values: v.baseAddress!, batch: batch, layer: layer, pool: pool)
        }
    }
    let out = queries.withUnsafeBufferPointer { q in
        PagedAttention.attend(queries: q.baseAddress!, heads: heads, keyValueHeads: keyValueHeads, headSize: headSize,
                              batch: batch, layer: layer, pool: pool)
    }
    return Variable(Tensor(shape: [1, batch.tokenCount, heads * headSize], scalars: out))  // [1, N, H·d]
}

extension LlamaModel: PagedLanguageModel {
    public var pagedCacheLayout: (layers: Int, rowSize: Int) { (config.layerCount, config.keyValueHeadCount * config.headSize) }

    public func pagedLogits(_ batch: PagedBatch, pool: BlockPool) -> [[Float]] {
        withNoGrad {
            let (h, hkv, d) = (config.headCount, config.keyValueHeadCount, config.headSize)
            let rope = RotaryEmbedding(headSize: d, base: config.ropeTheta, scalingFactor: config.ropeScalingFactor)
            var x = model.embed_tokens(batch.entries.flatMap(\.tokens), shape: [1, batch.tokenCount])  // [1, N, C]
            for (index, layer) in model.layers.enumerated() {
                let a = layer.self_attn, normed = layer.input_layernorm(x)
                var q = project(a.q_proj, normed).value.scalars  // [N, H·d]
                var k = project(a.k_proj, normed).value.scalars  // [N, Hkv·d]
                rotate(&q, heads: h, rope: rope, batch: batch)
                rotate(&k, heads: hkv, rope: rope, batch: batch)
                let attended = pagedSelfAttention(queries: q, keys: k, values: project(a.v_proj, normed).value.scalars, heads: h,
                                                  keyValueHeads: hkv, headSize: d, batch: batch, layer: index, pool: pool)
                x = x + project(a.o_proj, attended)
                let m = layer.mlp, inner = layer.post_attention_layernorm(x)
                x = x + project(m.down_proj, project(m.gate_proj, inner, activation: .silu) * project(m.up_proj, inner))
            }
            let last = model.norm(selectRows(x, batch.lastRows))  // [1, E, C]
            return logitRows(lmHead.map { project($0, last) } ?? projectOutput(last, weight: model.embed_tokens.weight))
        }
    }
}

extension GPT2Model: PagedLanguageModel {
    public var pagedCacheLayout: (layers: Int, rowSize: Int) { (config.layerCount, config.embeddingSize) }

    public func pagedLogits(_ batch: PagedBatch, pool: BlockPool) -> [[Float]] {
        withNoGrad {
            let (c, h) = (config.embeddingSize, config.headCount)
            let n = batch.tokenCount
            var x = transformer.wte(batch.entries.flatMap(\.tokens), shape: [1, n])
                + transformer.wpe(batch.positions, shape: [1, n])  // [1, N, C]
            for (index, block) in transformer.h.enumerated() {
                let qkv = block.attn.c_attn(block.ln_1(x)).value.scalars  // [N, 3C]: q | k | v per row
                var q = [Float](), k = [Float](), v = [Float]()
                for r in 0..<n {
                    q.append(contentsOf: qkv[(r * 3 * c)..<(r * 3 * c + c)])
                    k.append(contentsOf: qkv[(r * 3 * c + c)..<(r * 3 * c + 2 * c)])
                    v.append(contentsOf: qkv[(r * 3 * c + 2 * c)..<((r + 1) * 3 * c)])
                }
                let attended = pagedSelfAttention(queries: q, keys: k, values: v, heads: h, keyValueHeads: h, headSize: c / h,
                                                  batch: batch, layer: index, pool: pool)
                x = x + block.attn.c_proj(attended)
                x = x + block.mlp.c_proj(block.mlp.c_fc(block.ln_2(x), activation: config.activation))
            }
            let last = transformer.ln_f(selectRows(x, batch.lastRows))  // [1, E, C]
            return logitRows(last.matmul(lmHead ?? transformer.wte.weight, transposeOther: true))
        }
    }
}
