import Autograd
import Tensors
import Transformers

/// Removing a direction from a model (Arditi et al. 2024), in its two equivalent forms.
///
/// **Directional ablation at inference**: after every write into the residual stream,
/// ```
/// x ← x − (x · r̂) r̂          x: [B, T, C], r̂: [C] with ‖r̂‖ = 1
/// ```
/// so no layer ever reads a component along r̂.
///
/// **Weight orthogonalization** ("abliteration"): the same, baked into every matrix that writes
/// into the stream, so the model needs no hook. A write `W_out · v` (PyTorch's `[C, in]` layout)
/// becomes `(I − r̂ r̂ᵀ) W_out · v`:
/// ```
/// W_out ← W_out − r̂ r̂ᵀ W_out
/// ```
/// In GPT-2's storage every written vector is a *row* of length C — token embedding `wte [V, C]`,
/// position embedding `wpe [T, C]`, `attn.c_proj` and `mlp.c_proj` weights `[in, C]` (Conv1D
/// stores `[in, out]`) and their biases `[C]` — so each row loses its component along r̂.
/// Because every write is orthogonal to r̂, the stream stays orthogonal to it: the two forms
/// compute the same activations.
public enum Abliteration {
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `r̂ = r / ‖r‖` (a zero vector stays zero: there is nothing to remove).
    public static func unit(_ direction: [Float]) -> [Float] {
        let norm = dot(direction, direction).squareRoot()
        return norm > 0 ? direction.map { $0 / norm } : direction
    }

    // ANCHOR: project-out
    /// Each vector minus its component along `direction` (normalized here): `v − (v · r̂) r̂`.
    /// `vectors` is `[N, C]`, `direction` `[C]`; the result is `[N, C]`, orthogonal to r̂.
    public static func projectOut(_ vectors: [[Float]], direction: [Float]) -> [[Float]] {
        let r = unit(direction)
        return vectors.map { v in
            let along = dot(v, r)
            return zip(v, r).map { $0 - along * $1 }
        }
    }
    // ANCHOR_END: project-out

    /// ``projectOut(_:direction:)`` on every row of a tensor whose last axis is C (any rank);
    /// `unit` must already have norm 1.
    public static func projectOutRows(_ x: Tensor, unit: [Float]) -> Tensor {
        let c = unit.count
        precondition(x.shape.last == c, "Abliteration: rows of \(x.shape.last ?? 0) values, direction of \(c)")
        var scalars = x.scalars
        for start in stride(from: 0, to: scalars.count, by: c) {
            var along: Float = 0
            for j in 0..<c { along += scalars[start + j] * unit[j] }
            for j in 0..<c { scalars[start + j] -= along * unit[j] }
        }
        return Tensor(shape: x.shape, scalars: scalars)
    }

    // ANCHOR: inference-ablation
    /// Directional ablation at inference: the stream loses its component along `unit` after
    /// every write. Pass it to ``GPT2Model/residualStream(_:batchSize:cache:edit:)`` or ``SteeredModel``.
    public static func ablation(unit: [Float]) -> ResidualEdit {
        { _, x in Variable(projectOutRows(x.value, unit: unit)) }
    }
    // ANCHOR_END: inference-ablation

    /// Activation addition: `x ← x + α r̂` at every position of residual layer `layer` (0: after
    /// the embedding, `ℓ + 1`: after block `ℓ`, as in ``RefusalDirection/layer``), which pushes
    /// the model toward what r̂ stands for (for the refusal direction: refusing).
    public static func addition(unit: [Float], scale: Float, layer: Int) -> ResidualEdit {
        let shift = Tensor(shape: [unit.count], scalars: unit.map { $0 * scale })
        let site: ResidualWrite = layer == 0 ? .embedding : .mlp(layer: layer - 1)
        return { write, x in write == site ? Variable(x.value + shift) : x }
    }

    // ANCHOR: orthogonalize
    /// Weight orthogonalization in place: every row of every matrix and bias that writes into the
    /// residual stream loses its component along `unit`. The model must not tie its output
    /// projection to `wte` (see ``abliterated(_:unit:)``), or reading the logits would change too.
    public static func orthogonalize(_ model: GPT2Model, unit: [Float]) {
        precondition(!model.config.tiesWordEmbeddings, "Abliteration: untie the output projection first")
        var writers = [model.transformer.wte.weight, model.transformer.wpe.weight]
        for block in model.transformer.h {
            writers += [block.attn.c_proj.weight, block.attn.c_proj.bias, block.mlp.c_proj.weight, block.mlp.c_proj.bias]
        }
        for parameter in writers { parameter.value = projectOutRows(parameter.value, unit: unit) }
    }
    // ANCHOR_END: orthogonalize

    /// An abliterated copy of `model`. GPT-2 ties its output projection to the token embedding;
    /// the copy gets its own `lm_head` holding the original `wte`, so only the writes change and
    /// the logits equal those of the model ablated at inference.
    public static func abliterated(_ model: GPT2Model, unit: [Float]) throws -> GPT2Model {
        var config = model.config
        config.tiesWordEmbeddings = false
        let copy = GPT2Model(config: config, seed: 0)
        var state = model.stateDict()
        if model.lmHead == nil { state["lm_head.weight"] = model.transformer.wte.weight.value }
        try copy.loadStateDict(state)
        orthogonalize(copy, unit: unit)
        return copy
    }
}
