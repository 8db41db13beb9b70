import Tensors
import Transformers

// ANCHOR: constrained-generate
/// ``generate(_:prompt:config:decode:onToken:)`` under a grammar: before the sampler sees the
/// scores, ``ConstrainedSequence/mask(_:)`` sets every token that would break the pattern to
/// `-inf`, so whatever is drawn keeps the text matchable.
///
/// Stops when the end token is chosen, when the match cannot grow (``ConstrainedSequence/isFinished``),
/// at `maxNewTokens` or at the context length. With `config.maxNewTokens` at least
/// ``StructuredOutput/maxMatchBytes`` + 1 the result is always a complete match.
public func generate(
    _ model: some NextTokenModel, prompt: [Int], config: GenerationConfig,
    constraint: ConstrainedSequence, onToken: ((Int) -> Void)? = nil
) -> Generation {
    precondition(!prompt.isEmpty, "generate: the prompt needs a token")
    let pipeline = config.pipeline
    var rng = SplitMix64(seed: config.seed)
    let cache = model.makeCache()
    var tokens = prompt, input = prompt
    func finish(_ reason: StopReason) -> Generation {
        Generation(tokens: tokens, promptLength: prompt.count, stopReason: reason)
    }
    for _ in 0..<config.maxNewTokens {
        if constraint.isFinished { return finish(.endOfSequence(constraint.index.endToken)) }
        guard tokens.count < model.contextLength else { return finish(.contextFull) }
        var scores = model.nextTokenLogits(input, cache: cache).last!
        constraint.mask(&scores)                    // the grammar first...
        pipeline.process(&scores, history: tokens)  // ...then temperature, top-k, top-p
        let next = config.sampling
            ? Probabilities.sample(Probabilities.softmax(scores), using: &rng)
            : Probabilities.argmax(scores)
        if next == constraint.index.endToken { return finish(.endOfSequence(next)) }
        tokens.append(next)
        constraint.advance(token: next)
        onToken?(next)
        input = [next]
    }
    return finish(.maxNewTokens)
}
// ANCHOR_END: constrained-generate
