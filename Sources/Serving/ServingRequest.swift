import Foundation

/// How one request's tokens are chosen and when it stops — the knobs of an OpenAI request.
public struct SamplingSettings: Sendable {
    /// Upper bound on new tokens (`max_tokens`).
    public var maxTokens: Int
    /// 0 picks the most likely token (greedy); OpenAI's default is 1.
    public var temperature: Float
    public var topP: Float
    /// Seeds the request's own generator, so a seeded request repeats exactly even when it
    /// shares batches with different neighbors.
    public var seed: UInt64
    /// Generation ends before any of these strings; the string itself is not returned.
    public var stop: [String]
    /// Report the chosen token's log-probability and this many alternatives (nil: none).
    public var logprobs: Int?
    /// Keep generating past end-of-sequence tokens (for load tests that need fixed lengths).
    public var ignoreEndOfSequence: Bool

    public init(maxTokens: Int = 16, temperature: Float = 1, topP: Float = 1, seed: UInt64 = 0, stop: [String] = [],
                logprobs: Int? = nil, ignoreEndOfSequence: Bool = false) {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
        self.stop = stop
        self.logprobs = logprobs
        self.ignoreEndOfSequence = ignoreEndOfSequence
    }
}

/// Restricts which tokens may come next (structured output); nil on a request means free text.
public protocol TokenConstraint: AnyObject {
    /// Sets every forbidden token's score to `-∞`.
    func mask(_ scores: inout [Float])
    /// The chosen token.
    func advance(token: Int)
    /// Only the end of the text may follow.
    var isFinished: Bool { get }
}

/// A tokenized request for the engine.
public struct ServingRequest {
    public var id: String
    public var prompt: [Int]
    public var settings: SamplingSettings
    public var constraint: (any TokenConstraint)?
    /// After this instant the request ends with ``FinishReason/timeout``.
    public var deadline: ContinuousClock.Instant?

    public init(id: String, prompt: [Int], settings: SamplingSettings, constraint: (any TokenConstraint)? = nil,
                deadline: ContinuousClock.Instant? = nil) {
        self.id = id
        self.prompt = prompt
        self.settings = settings
        self.constraint = constraint
        self.deadline = deadline
    }
}

/// Why a request ended. The first two are OpenAI's `finish_reason` values.
public enum FinishReason: String, Sendable, Codable {
    /// End-of-sequence token, a stop string, or a constraint that is complete.
    case stop
    /// `max_tokens` reached, or the model's context is full.
    case length
    /// The client went away or asked to stop.
    case cancelled
    /// The request's deadline passed.
    case timeout
}

/// A chosen token's log-probability and the most likely alternatives.
public struct TokenLogprob: Sendable, Equatable {
    public var token: Int
    public var text: String
    public var logprob: Double
    public var top: [TokenAlternative]
}

public struct TokenAlternative: Sendable, Equatable {
    public var token: Int
    public var text: String
    public var logprob: Double
}

/// What the engine tells a request's owner, in order: tokens as they are chosen, then one finish.
public enum ServingEvent: Sendable {
    /// A new token and the text it completes (empty while a UTF-8 character or a possible stop
    /// string is still held back).
    case token(Int, text: String, logprob: TokenLogprob?)
    case finished(FinishReason, promptTokens: Int, completionTokens: Int)
}

/// Why the engine refused a request before queueing it.
public enum SubmitError: Error, Equatable, CustomStringConvertible {
    /// The waiting queue is full; try again after about this many seconds.
    case queueFull(retryAfter: Int)
    case emptyPrompt
    /// The prompt leaves no room to generate in the model's context.
    case promptTooLong(tokens: Int, context: Int)
    /// Even alone, the request needs more KV-cache blocks than the pool has.
    case exceedsCache(tokens: Int, capacity: Int)
    case duplicateID(String)

    public var description: String {
        switch self {
        case .queueFull(let s): "the server is at capacity: too many requests are waiting; retry after \(s) s"
        case .emptyPrompt: "the prompt is empty: send at least one token of text"
        case .promptTooLong(let t, let c): "the prompt has \(t) tokens but the model's context is \(c): shorten the prompt"
        case .exceedsCache(let t, let c):
            "the request needs \(t) tokens of KV cache but the server holds \(c): lower max_tokens or restart the server with more --cache-tokens"
        case .duplicateID(let id): "a request with id \(id) is already running"
        }
    }
}
