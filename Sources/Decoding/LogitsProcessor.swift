/// A transform of one row of next-token scores, given the tokens so far.
///
/// Sampling in Hugging Face's `generate` runs a list of these before `softmax`: first the
/// processors that look at the history (repetition penalty), then the warpers that reshape the
/// distribution (temperature, top-k, top-p, min-p). A filtered token gets the score `-∞`,
/// so `softmax` gives it probability 0. Every processor here follows transformers' semantics,
/// and the parity tests compare them with transformers' outputs (`sampling.json`).
///
/// ```swift
/// let pipeline = LogitsPipeline([RepetitionPenalty(1.3), Temperature(0.8), TopK(10), TopP(0.9)])
/// var scores = logits
/// pipeline.process(&scores, history: tokensSoFar)
/// let next = Probabilities.sample(Probabilities.softmax(scores), using: &rng)
/// ```
public protocol LogitsProcessor: Sendable {
    /// Rewrites `scores` (`V` values) in place; `history` is every token of the sequence so far.
    func process(_ scores: inout [Float], history: [Int])
    /// A short label for reports and figures ("top-p 0.9").
    var label: String { get }
}

/// The score of a removed token.
public let filteredScore = -Float.infinity

/// Processors applied in order, themselves a processor.
public struct LogitsPipeline: LogitsProcessor {
    public var processors: [any LogitsProcessor]

    public init(_ processors: [any LogitsProcessor] = []) { self.processors = processors }

    public func process(_ scores: inout [Float], history: [Int]) {
        for processor in processors { processor.process(&scores, history: history) }
    }

    /// The scores after every processor, as a new row.
    public func callAsFunction(_ scores: [Float], history: [Int] = []) -> [Float] {
        var out = scores
        process(&out, history: history)
        return out
    }

    public var label: String { processors.isEmpty ? "none" : processors.map(\.label).joined(separator: " → ") }
    public var isEmpty: Bool { processors.isEmpty }
}

/// `zᵢ / T`: below 1 sharpens the distribution towards the top token, above 1 flattens it.
/// `T → 0` approaches greedy decoding; the order of the tokens never changes.
public struct Temperature: LogitsProcessor {
    public let temperature: Float

    public init(_ temperature: Float) {
        precondition(temperature > 0, "Temperature: \(temperature) must be positive (use greedy decoding for T = 0)")
        self.temperature = temperature
    }

    public func process(_ scores: inout [Float], history: [Int]) {
        for i in scores.indices { scores[i] /= temperature }
    }

    public var label: String { "temperature \(temperature)" }
}

// ANCHOR: repetition-penalty
/// The CTRL repetition penalty (Keskar et al. 2019) as transformers
/// applies it: every token already in the sequence gets its score divided
/// by `penalty` when positive and multiplied by it when negative — less
/// likely either way, once per distinct token, however often it appeared.
public struct RepetitionPenalty: LogitsProcessor {
    public let penalty: Float

    public init(_ penalty: Float) {
        precondition(penalty > 0,
                     "RepetitionPenalty: \(penalty) must be positive")
        self.penalty = penalty
    }

    public func process(_ scores: inout [Float], history: [Int]) {
        for token in Set(history) where scores.indices.contains(token) {
            let s = scores[token]
            scores[token] = s < 0 ? s * penalty : s / penalty
        }
    }

    public var label: String { "repetition penalty \(penalty)" }
}
// ANCHOR_END: repetition-penalty
