import Decoding
import Foundation
import Tensors

/// One request inside the engine: its block table, the tokens still to feed, its sampler and
/// its text stream.
final class ServingSequence {
    let request: ServingRequest
    let sink: (ServingEvent) -> Void
    /// Order of admission; the newest running sequence is the first preempted.
    var admission = 0
    var table = BlockTable()
    /// Prompt and generated tokens so far.
    var tokens: [Int]
    /// Tokens not yet run through the model (the prompt's remainder, or the last sampled token).
    var pending: [Int]
    var generated = 0
    var rng: SplitMix64
    var text: TextStream
    var cancelled = false
    /// The prompt's full blocks are registered for sharing once its prefill is done.
    var prefixRegistered = false

    init(_ request: ServingRequest, sink: @escaping (ServingEvent) -> Void) {
        self.request = request
        self.sink = sink
        tokens = request.prompt
        pending = request.prompt
        rng = SplitMix64(seed: request.settings.seed)
        text = TextStream(stop: request.settings.stop)
    }

    var settings: SamplingSettings { request.settings }
    /// Positions whose keys and values are in the cache.
    var cached: Int { table.length }

    // ANCHOR: choose-token
    /// Picks the next token from the model's logits: structured-output mask, then greedy or
    /// temperature + top-p sampling with the request's own generator.
    func choose(from logits: [Float], endTokens: Set<Int>) -> Int {
        var scores = logits
        if settings.ignoreEndOfSequence && request.constraint == nil { for t in endTokens where t < scores.count { scores[t] = -.infinity } }
        request.constraint?.mask(&scores)
        guard settings.temperature > 0 else { return Probabilities.argmax(scores) }
        var pipeline: [any LogitsProcessor] = [Temperature(settings.temperature)]
        if settings.topP < 1 { pipeline.append(TopP(settings.topP)) }
        LogitsPipeline(pipeline).process(&scores, history: tokens)
        return Probabilities.sample(Probabilities.softmax(scores), using: &rng)
    }
    // ANCHOR_END: choose-token

    /// The chosen token's log-probability under the model (before any sampling settings) and the
    /// `count` most likely alternatives.
    func logprob(of token: Int, logits: [Float], count: Int, text: (Int) -> String) -> TokenLogprob {
        let logProbabilities = Probabilities.logSoftmax(logits)
        let top = Probabilities.topK(logProbabilities, count).map { TokenAlternative(token: $0.index, text: text($0.index), logprob: $0.value) }
        return TokenLogprob(token: token, text: text(token), logprob: logProbabilities[token], top: top)
    }
}
