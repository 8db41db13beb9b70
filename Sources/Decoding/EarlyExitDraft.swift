import Tensors
import Transformers

/// A draft model made from the target itself: its first `layers` blocks, then its own final
/// norm and output layer ("early exit", as in self-speculative decoding, Zhang et al. 2023 and
/// LayerSkip, Elhoushi et al. 2024). It shares the target's vocabulary and costs about
/// `layers / n_layer` of a target pass, with no second model to train or store.
///
/// ```swift
/// let draft = try earlyExitDraft(of: target, layers: 2)
/// let (out, stats) = speculativeGenerate(target: target, draft: draft, prompt: ids, config: SpeculativeConfig())
/// ```
public func earlyExitDraft(of target: GPT2Model, layers: Int) throws -> GPT2Model {
    precondition((1...target.config.layerCount).contains(layers),
                 "earlyExitDraft: layers = \(layers) must be in 1...\(target.config.layerCount)")
    var config = target.config
    config.layerCount = layers
    let draft = GPT2Model(config: config)
    try draft.loadStateDict(target.stateDict(), strict: false)  // blocks past `layers` are not copied
    return draft
}

/// A randomly initialized GPT-2 whose weights are drawn with standard deviation `spread`
/// (layer-norm gains stay 1, biases 0), so every block changes the output noticeably — with
/// GPT-2's usual 0.02 the residual stream is almost only the embedding.
public func randomGPT2(_ config: GPT2Config, spread: Float, seed: UInt64) throws -> GPT2Model {
    let model = GPT2Model(config: config, seed: seed)
    var rng = SplitMix64(seed: seed &+ 1)
    var state: [String: Tensor] = [:]
    for (name, parameter) in model.namedParameters() {
        let isMatrix = parameter.value.rank == 2
        state[name] = isMatrix ? .normal(parameter.value.shape, std: spread, using: &rng) : parameter.value
    }
    try model.loadStateDict(state)
    return model
}
