import LLMCourseKit

/// The latency numbers of one streamed completion from its timestamps (seconds, one
/// monotonic clock): `start` when the request was sent, `tokenTimes` when each output token
/// arrived (in order), `end` when the response finished.
///
///     ttft    = first token time − start
///     tpot    = (last token time − first token time) / (tokens − 1)    nil with one token
///     latency = end − start
///
/// Return nil when no token arrived. `outputTokens` is the number of token times.
func requestTiming(start: Double, tokenTimes: [Double], end: Double) -> RequestTiming? {
    // TODO: guard against no tokens, then build
    // RequestTiming(ttft: ..., tpot: ..., latency: ..., outputTokens: ...).
    return nil
}
