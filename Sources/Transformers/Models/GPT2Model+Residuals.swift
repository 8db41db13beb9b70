import Autograd
import Tensors

/// A point where GPT-2 writes into its residual stream.
///
/// Every component adds its output to the stream `x` `[B, T, C]`; nothing else changes it:
/// ```
/// x₀ = wte(ids) + wpe(positions)          .embedding
/// h  = x_ℓ + attn(ln_1(x_ℓ))              .attention(ℓ)
/// x_ℓ₊₁ = h + mlp(ln_2(h))                .mlp(ℓ)      (the output of block ℓ)
/// ```
public enum ResidualWrite: Sendable, Equatable {
    case embedding
    case attention(layer: Int)
    case mlp(layer: Int)
}

/// A change to the residual stream right after a write, e.g. projecting a direction out of it.
/// It receives the whole stream `[B, T, C]` and returns the stream the model continues with.
public typealias ResidualEdit = (ResidualWrite, Variable) -> Variable

extension GPT2Model {
    // ANCHOR: residual-stream
    /// The residual stream after the embedding and after each block: `layerCount + 1` entries,
    /// each `[B, T, C]`. Entry 0 is `wte + wpe`; entry `ℓ + 1` is the output of block `ℓ`;
    /// `ln_f` of the last entry is ``hiddenStates(_:batchSize:cache:)``.
    ///
    /// `edit`, when given, runs after every write (embedding, each attention, each MLP) and its
    /// result replaces the stream: the model's later layers read the edited stream.
    public func residualStream(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil,
                               edit: ResidualEdit? = nil) -> [Variable] {
        let length = ids.count / batchSize
        let start = cache?.length ?? 0
        precondition(batchSize > 0 && ids.count % batchSize == 0 && start + length <= config.contextLength,
                     "GPT2Model.residualStream: \(ids.count) ids do not fit \(batchSize) rows of at most \(config.contextLength)")
        let positions = (0..<batchSize).flatMap { _ in start..<(start + length) }
        func after(_ write: ResidualWrite, _ x: Variable) -> Variable { edit.map { $0(write, x) } ?? x }
        var x = after(.embedding, transformer.wte(ids, shape: [batchSize, length]) + transformer.wpe(positions, shape: [batchSize, length]))
        var stream = [x]
        for (layer, block) in transformer.h.enumerated() {
            let h = after(.attention(layer: layer), x + block.attn(block.ln_1(x), layer: layer, cache: cache))
            x = after(.mlp(layer: layer), h + block.mlp(block.ln_2(h)))
            stream.append(x)
        }
        return stream
    }
    // ANCHOR_END: residual-stream

    /// Logits `[B, T, V]` of the model with `edit` applied after every residual write.
    public func logits(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil, edit: @escaping ResidualEdit) -> Variable {
        let last = residualStream(ids, batchSize: batchSize, cache: cache, edit: edit).last!
        return outputProjection(transformer.ln_f(last), tiedTo: lmHead ?? transformer.wte.weight)
    }
}
