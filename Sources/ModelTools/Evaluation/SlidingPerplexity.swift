import Autograd
import Foundation
import Transformers

/// Perplexity of a language model on a long text, with a sliding window.
///
/// A model sees at most `window` tokens at once. Cutting the text into disjoint windows would
/// score each window's first tokens with almost no context and overstate the perplexity. Instead
/// the window slides by `stride`: every token is scored exactly once, from a window that ends at
/// it and holds up to `window − stride` tokens of context before the newly scored ones (the
/// method Hugging Face documents for fixed-length models). `stride == window` gives windows that
/// overlap by one token, so no token is scored without context.
///
/// `perplexity = exp(−(1/N) Σ log p(xₜ | x₍<ₜ₎))`; bits per byte divides the same total, in bits,
/// by the text's UTF-8 size, which compares models with different tokenizers fairly.
public struct SlidingPerplexity: Sendable {
    public struct Report: Sendable {
        /// Tokens scored (all but the first).
        public let scoredTokens: Int
        public let windows: Int
        /// Mean negative log-likelihood in nats per token.
        public let meanNLL: Double
        public var perplexity: Double { exp(meanNLL) }
        /// Total NLL in bits per UTF-8 byte of the text (nil when the byte count is unknown).
        public let bitsPerByte: Double?
        public let seconds: Double
        public var tokensPerSecond: Double { seconds > 0 ? Double(scoredTokens) / seconds : 0 }
    }

    public var window: Int
    public var stride: Int

    public init(window: Int, stride: Int? = nil) {
        precondition(window >= 2, "SlidingPerplexity: the window needs at least two tokens")
        self.window = window
        self.stride = max(1, min(stride ?? window / 2, window))
    }

    // ANCHOR: sliding-perplexity
    /// Scores `tokens` with `model`; `byteCount` is the UTF-8 size of the text they encode.
    /// `progress` receives (tokens scored so far, total) after each window.
    public func evaluate(_ model: any LanguageModel, tokens: [Int], byteCount: Int? = nil,
                         progress: ((Int, Int) -> Void)? = nil) -> Report {
        let started = Date()
        var total = 0.0, scored = 0, windows = 0
        var scoredUpTo = 1  // token 0 has no context and is never scored
        var begin = 0
        withNoGrad {
            while scoredUpTo < tokens.count {
                let end = min(begin + window, tokens.count)
                let logits = model(Array(tokens[begin..<end])).value  // [1, L, V]
                let vocabulary = logits.shape[2]
                // Row i predicts token begin + i + 1; score only the tokens not scored before.
                for target in scoredUpTo..<end {
                    let row = target - begin - 1
                    total -= Self.logSoftmax(logits.scalars, offset: row * vocabulary, count: vocabulary, at: tokens[target])
                    scored += 1
                }
                windows += 1
                scoredUpTo = end
                progress?(scored, tokens.count - 1)
                if end == tokens.count { break }
                // Move on by the stride, but keep at least the last scored token as context for
                // the next one, and let the last window end exactly at the text's end.
                begin = min(begin + stride, scoredUpTo - 1, max(0, tokens.count - window))
            }
        }
        let mean = scored > 0 ? total / Double(scored) : .nan
        let bits = byteCount.flatMap { $0 > 0 ? total / log(2) / Double($0) : nil }
        return Report(scoredTokens: scored, windows: windows, meanNLL: mean, bitsPerByte: bits,
                      seconds: Date().timeIntervalSince(started))
    }
    // ANCHOR_END: sliding-perplexity

    /// `log softmax(row)[index]` for one row of logits, in Double for a stable sum.
    static func logSoftmax(_ scalars: [Float], offset: Int, count: Int, at index: Int) -> Double {
        var maximum = -Double.infinity
        for j in 0..<count { maximum = max(maximum, Double(scalars[offset + j])) }
        var sum = 0.0
        for j in 0..<count { sum += exp(Double(scalars[offset + j]) - maximum) }
        return Double(scalars[offset + index]) - maximum - log(sum)
    }
}

extension SlidingPerplexity.Report {
    /// The report as `llmcourse evaluate --json` prints it: what was scored, how, and the
    /// results (`bits_per_byte` only when the text's byte count is known).
    public func record(model: String, text: String, window: Int, stride: Int) -> [String: Any] {
        var record: [String: Any] = ["model": model, "text": text, "tokens": scoredTokens, "window": window, "stride": stride,
                                     "mean_nll": meanNLL, "perplexity": perplexity, "seconds": seconds]
        if let bitsPerByte { record["bits_per_byte"] = bitsPerByte }
        return record
    }
}
