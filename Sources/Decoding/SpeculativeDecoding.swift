import Tensors
import Transformers

/// Settings for ``speculativeGenerate(target:draft:prompt:config:)``.
public struct SpeculativeConfig: Sendable {
    /// Tokens the draft proposes per round (`γ` in the papers).
    public var lookahead: Int
    public var maxNewTokens: Int
    /// `false`: greedy (the output equals the target's greedy output). `true`: sampling.
    public var sampling: Bool
    /// Applied to both models' scores before their distributions are compared.
    public var pipeline: LogitsPipeline
    public var endOfSequence: Set<Int>
    public var seed: UInt64

    public init(lookahead: Int = 4, maxNewTokens: Int = 32, sampling: Bool = false,
                pipeline: LogitsPipeline = LogitsPipeline(), endOfSequence: Set<Int> = [], seed: UInt64 = 0) {
        precondition(lookahead >= 1, "SpeculativeConfig: lookahead = \(lookahead) must be at least 1")
        self.lookahead = lookahead
        self.maxNewTokens = maxNewTokens
        self.sampling = sampling
        self.pipeline = pipeline
        self.endOfSequence = endOfSequence
        self.seed = seed
    }
}

/// Counts from one speculative run.
public struct SpeculativeStatistics: Sendable, Equatable {
    public var rounds = 0
    /// Tokens the draft proposed, and how many of them the target accepted.
    public var drafted = 0
    public var accepted = 0
    /// Forward passes: the target runs once per round on all drafted tokens together.
    public var targetCalls = 0
    public var draftCalls = 0

    public var acceptanceRate: Double { drafted == 0 ? 0 : Double(accepted) / Double(drafted) }
}

// ANCHOR: speculative
/// Speculative decoding: a small draft model guesses `lookahead` tokens one by one, the large
/// target model scores all of them in a single forward pass, and the guesses are kept up to
/// the first one the target rejects (``SpeculativeRule``). The target's pass also yields one
/// token of its own — the replacement at a rejection, or a bonus token after the last guess —
/// so each round adds between 1 and `lookahead + 1` tokens for one target pass.
///
/// The output follows the target's distribution exactly (greedy: the target's greedy tokens);
/// only the speed depends on how often the draft agrees. Rejected guesses' keys and values are
/// dropped from both caches (``KVCache/prefix(_:)``).
public func speculativeGenerate(
    target: some NextTokenModel, draft: some NextTokenModel, prompt: [Int], config: SpeculativeConfig
) -> (generation: Generation, statistics: SpeculativeStatistics) {
    precondition(!prompt.isEmpty, "speculativeGenerate: the prompt must hold at least one token")
    precondition(target.vocabularySize == draft.vocabularySize,
                 "speculativeGenerate: target and draft need one vocabulary (\(target.vocabularySize) vs \(draft.vocabularySize))")
    var rng = SplitMix64(seed: config.seed)
    var stats = SpeculativeStatistics()
    var tokens = prompt
    var targetCache = target.makeCache(), draftCache = draft.makeCache()
    let contextLength = min(target.contextLength, draft.contextLength)
    let limit = min(prompt.count + config.maxNewTokens, contextLength)

    /// The processed distribution (or the arg-max) of one row of scores.
    func choose(_ row: [Float], history: [Int]) -> (distribution: [Double], best: Int) {
        var scores = row
        config.pipeline.process(&scores, history: history)
        return (config.sampling ? Probabilities.softmax(scores) : [], Probabilities.argmax(scores))
    }

    while tokens.count < limit {
        stats.rounds += 1
        let start = tokens.count
        let k = min(config.lookahead, limit - start - 1)  // room for the target's own token

        // The draft proposes k tokens, one forward pass each.
        var drafted: [Int] = [], draftDistributions: [[Double]] = []
        var draftInput = Array(tokens[draftCache.length...])
        for _ in 0..<k {
            let row = draft.nextTokenLogits(draftInput, cache: draftCache).last!
            stats.draftCalls += 1
            let q = choose(row, history: tokens + drafted)
            let x = config.sampling ? Probabilities.sample(q.distribution, using: &rng) : q.best
            drafted.append(x)
            draftDistributions.append(q.distribution)
            draftInput = [x]
        }

        // The target scores the whole guess at once: k + 1 rows of logits.
        let rows = target.nextTokenLogits(Array(tokens[targetCache.length...]) + drafted, cache: targetCache).suffix(k + 1)
        stats.targetCalls += 1
        stats.drafted += k
        var accepted = 0
        var ownToken: Int?
        for (i, row) in rows.enumerated() {
            let p = choose(row, history: tokens + drafted[..<i])
            if i == k {  // every guess accepted: a bonus token from the last row
                ownToken = config.sampling ? Probabilities.sample(p.distribution, using: &rng) : p.best
                break
            }
            let replacement = config.sampling
                ? SpeculativeRule.verify(token: drafted[i], target: p.distribution, draft: draftDistributions[i], using: &rng)
                : (p.best == drafted[i] ? nil : p.best)
            if let replacement {
                ownToken = replacement
                break
            }
            accepted += 1
        }
        stats.accepted += accepted

        // Keep the accepted guesses and the target's token, up to an end-of-sequence token.
        var stop = false
        for token in drafted[..<accepted] + [ownToken!] where !stop && tokens.count < limit {
            tokens.append(token)
            stop = config.endOfSequence.contains(token)
        }
        // Cached positions past the accepted guesses belong to rejected tokens: drop them.
        let valid = start + accepted
        if targetCache.length > valid { targetCache = targetCache.prefix(valid) }
        if draftCache.length > valid { draftCache = draftCache.prefix(valid) }
        if stop {
            return (Generation(tokens: tokens, promptLength: prompt.count, stopReason: .endOfSequence(tokens.last!)), stats)
        }
    }
    let reason: StopReason = tokens.count - prompt.count >= config.maxNewTokens ? .maxNewTokens : .contextFull
    return (Generation(tokens: tokens, promptLength: prompt.count, stopReason: reason), stats)
}
// ANCHOR_END: speculative
