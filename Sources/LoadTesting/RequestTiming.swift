/// The latency numbers of one streamed completion, from the times its events arrived.
///
/// With `start` the moment the request was sent, `t₁ … tₙ` the arrival times of the n output
/// tokens and `end` the moment the response finished (all in seconds on one monotonic clock):
///
///     TTFT    = t₁ − start                 time to first token: queueing + prompt processing (prefill)
///     TPOT    = (tₙ − t₁) / (n − 1)        time per output token after the first: the decode step
///     latency = end − start                end-to-end, what the user waits in total
///
/// TPOT leaves the first token out on purpose: t₁ carries the prefill, and averaging it in
/// would mix two different costs. With one token there is no gap to measure, so TPOT is nil.
/// Roughly, latency ≈ TTFT + (n − 1) · TPOT.
public struct RequestTiming: Codable, Equatable, Sendable {
    /// Seconds from sending the request to the first token.
    public let ttft: Double
    /// Seconds per output token after the first; nil with fewer than two tokens.
    public let tpot: Double?
    /// Seconds from sending the request to the end of the response.
    public let latency: Double
    /// Output tokens counted for this request.
    public let outputTokens: Int

    public init(ttft: Double, tpot: Double?, latency: Double, outputTokens: Int) {
        self.ttft = ttft
        self.tpot = tpot
        self.latency = latency
        self.outputTokens = outputTokens
    }

    // ANCHOR: timing
    /// Timing from timestamps. `tokenTimes` are the arrival times of the events that carried
    /// text, in order. `tokens` overrides the count when the server reports it (the final
    /// `usage.completion_tokens`), since one event may carry more than one token; TPOT then
    /// spreads the same first-to-last span over that many tokens. Nil when no token arrived.
    public static func from(start: Double, tokenTimes: [Double], end: Double, tokens: Int? = nil) -> RequestTiming? {
        guard let first = tokenTimes.first, let last = tokenTimes.last else { return nil }
        let n = tokens ?? tokenTimes.count
        let tpot = n > 1 ? (last - first) / Double(n - 1) : nil
        return RequestTiming(ttft: first - start, tpot: tpot, latency: end - start, outputTokens: n)
    }
    // ANCHOR_END: timing
}
