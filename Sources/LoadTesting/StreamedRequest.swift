/// One streamed completion, sent and timed.
public enum RequestOutcome: Sendable, Equatable {
    case success(RequestTiming)
    /// HTTP 429: the server refused the load (with its Retry-After, if any).
    case rejected(retryAfter: String?)
    case failed(String)
}

public enum StreamedRequest {
    /// Sends `request` to `server` and times every event that carries text.
    ///
    /// The clock starts just before connecting (a client without keep-alive pays the connect
    /// on every request, and on localhost it is tens of microseconds). Each event is stamped
    /// when the read that completed it returns, before its JSON is parsed, so parsing cost
    /// does not shift the timestamps.
    public static func run(_ request: CompletionRequest, server: ServerURL, timeout: Double) -> RequestOutcome {
        let start = Monotonic.seconds()
        var sse = SSESplitter()
        var tokenTimes: [Double] = []
        var usageTokens: Int?
        do {
            try HTTPClient.send("POST", request.api.path, to: server, json: request.body, timeout: timeout) { bytes in
                let now = Monotonic.seconds()
                for data in sse.feed(bytes) {
                    guard let chunk = StreamChunk.parse(data) else {
                        throw LoadTestError.malformedResponse("stream event is not JSON: \(data.prefix(120))")
                    }
                    if chunk.isDone { return false }  // stop reading; the server closes after it
                    if !chunk.text.isEmpty { tokenTimes.append(now) }
                    if let n = chunk.completionTokens { usageTokens = n }
                }
                return true
            }
        } catch let error as LoadTestError {
            if case .httpStatus(429, _, let retryAfter) = error { return .rejected(retryAfter: retryAfter) }
            return .failed(error.description)
        } catch {
            return .failed("\(error)")
        }
        let end = Monotonic.seconds()
        guard let timing = RequestTiming.from(start: start, tokenTimes: tokenTimes, end: end, tokens: usageTokens) else {
            return .failed("the stream carried no tokens")
        }
        return .success(timing)
    }
}
