/// The truncation warpers: keep the likely head of the distribution, cut the unreliable tail.
///
/// Each keeps at least `minTokensToKeep` tokens (transformers' `min_tokens_to_keep`, default 1),
/// so sampling always has something to choose from.

/// Keeps the `k` highest scores (and any tied with the `k`-th), filters the rest.
public struct TopK: LogitsProcessor {
    public let k: Int
    public let minTokensToKeep: Int

    public init(_ k: Int, minTokensToKeep: Int = 1) {
        precondition(k > 0, "TopK: k = \(k) must be positive")
        self.k = k
        self.minTokensToKeep = minTokensToKeep
    }

    public func process(_ scores: inout [Float], history: [Int]) {
        let keep = min(max(k, minTokensToKeep), scores.count)
        let threshold = scores.sorted(by: >)[keep - 1]
        for i in scores.indices where scores[i] < threshold { scores[i] = filteredScore }
    }

    public var label: String { "top-k \(k)" }
}

// ANCHOR: top-p
/// Nucleus sampling (Holtzman et al. 2020): keep the smallest set of the
/// most likely tokens whose probabilities add up to more than `p`.
///
/// As transformers computes it: sort the scores ascending, add up their
/// softmax probabilities from the least likely token upward, and filter
/// every token whose running sum is still `≤ 1 − p` — a tail holding at
/// most `1 − p` of the mass. The `minTokensToKeep` most likely tokens
/// always stay.
public struct TopP: LogitsProcessor {
    public let p: Float
    public let minTokensToKeep: Int

    public init(_ p: Float, minTokensToKeep: Int = 1) {
        precondition(p > 0 && p <= 1, "TopP: p = \(p) must be in (0, 1]")
        self.p = p
        self.minTokensToKeep = minTokensToKeep
    }

    public func process(_ scores: inout [Float], history: [Int]) {
        let ascending = scores.indices.sorted { scores[$0] < scores[$1] }
        let sorted = ascending.map { scores[$0] }
        let probabilities = Probabilities.softmax(sorted)
        let tail = Float(1 - Double(p))  // single precision, as in torch
        var cumulative = 0.0
        for (rank, token) in ascending.enumerated() {
            cumulative += probabilities[rank]
            let protected = rank >= ascending.count - minTokensToKeep
            if Float(cumulative) <= tail && !protected {
                scores[token] = filteredScore
            }
        }
    }

    public var label: String { "top-p \(p)" }
}
// ANCHOR_END: top-p

/// Min-p sampling (Nguyen et al. 2024): keep the tokens whose probability is at least
/// `minP` times the top token's. A confident model keeps few tokens, an unsure one many.
public struct MinP: LogitsProcessor {
    public let minP: Float
    public let minTokensToKeep: Int

    public init(_ minP: Float, minTokensToKeep: Int = 1) {
        precondition(minP >= 0 && minP <= 1, "MinP: \(minP) must be in [0, 1]")
        self.minP = minP
        self.minTokensToKeep = minTokensToKeep
    }

    public func process(_ scores: inout [Float], history: [Int]) {
        let probabilities = Probabilities.softmax(scores).map(Float.init)
        let threshold = minP * (probabilities.max() ?? 0)
        let descending = scores.indices.sorted { scores[$0] > scores[$1] }
        for (rank, token) in descending.enumerated() where rank >= minTokensToKeep && probabilities[token] < threshold {
            scores[token] = filteredScore
        }
    }

    public var label: String { "min-p \(minP)" }
}
