import Foundation

/// The JSON OpenAI clients expect back, whole or as server-sent-event chunks.
///
/// Completions: `{"object": "text_completion", "choices": [{"text", "finish_reason", "logprobs"}], "usage"}`.
/// Chat: `{"object": "chat.completion", "choices": [{"message": {"role", "content"}, …}]}`, and
/// in a stream `chat.completion.chunk` objects whose `delta` carries the role first, then text.
public struct APIResponseWriter: Sendable {
    public let id: String
    public let model: String
    public let chat: Bool
    public let created: Int

    public init(id: String, model: String, chat: Bool, created: Int = Int(Date().timeIntervalSince1970)) {
        self.id = id
        self.model = model
        self.chat = chat
        self.created = created
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    func envelope(streaming: Bool, choices: [[String: Any]]) -> [String: Any] {
        ["id": id, "model": model, "created": created, "choices": choices,
         "object": chat ? (streaming ? "chat.completion.chunk" : "chat.completion") : "text_completion"]
    }

    static func usage(prompt: Int, completion: Int) -> [String: Any] {
        ["prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion]
    }

    /// The `logprobs` object for these tokens, in the endpoint's shape.
    func logprobs(_ items: [TokenLogprob]) -> Any {
        guard !items.isEmpty else { return NSNull() }
        if chat {
            return ["content": items.map { item -> [String: Any] in
                ["token": item.text, "logprob": item.logprob, "bytes": Array(item.text.utf8).map(Int.init),
                 "top_logprobs": item.top.map { ["token": $0.text, "logprob": $0.logprob, "bytes": Array($0.text.utf8).map(Int.init)] }]
            }]
        }
        var offset = 0
        var offsets: [Int] = []
        for item in items { offsets.append(offset); offset += item.text.utf8.count }
        return ["tokens": items.map(\.text), "token_logprobs": items.map(\.logprob), "text_offset": offsets,
                "top_logprobs": items.map { item in Dictionary(item.top.map { ($0.text, $0.logprob) }, uniquingKeysWith: max) }]
    }

    /// A whole answer.
    public func complete(text: String, finish: FinishReason, logprobs items: [TokenLogprob], wantsLogprobs: Bool,
                         promptTokens: Int, completionTokens: Int) -> Data {
        var choice: [String: Any] = ["index": 0, "finish_reason": finish.apiValue, "logprobs": wantsLogprobs ? logprobs(items) : NSNull()]
        if chat { choice["message"] = ["role": "assistant", "content": text] } else { choice["text"] = text }
        var object = envelope(streaming: false, choices: [choice])
        object["usage"] = Self.usage(prompt: promptTokens, completion: completionTokens)
        return Self.json(object)
    }

    /// One stream chunk: text (possibly empty), and the finish reason on the last one.
    public func chunk(text: String, role: Bool = false, finish: FinishReason?, logprob: TokenLogprob?) -> Data {
        var choice: [String: Any] = ["index": 0, "finish_reason": finish?.apiValue ?? NSNull(),
                                     "logprobs": logprob.map { logprobs([$0]) } ?? NSNull()]
        if chat {
            var delta: [String: Any] = [:]
            if role { delta["role"] = "assistant" }
            if !text.isEmpty || !role && finish == nil { delta["content"] = text }
            choice["delta"] = delta
        } else {
            choice["text"] = text
        }
        return Self.json(envelope(streaming: true, choices: [choice]))
    }

    /// The extra chunk `stream_options.include_usage` asks for: no choices, the counts.
    public func usageChunk(promptTokens: Int, completionTokens: Int) -> Data {
        var object = envelope(streaming: true, choices: [])
        object["usage"] = Self.usage(prompt: promptTokens, completion: completionTokens)
        return Self.json(object)
    }

    /// `data: …\n\n`, one server-sent event.
    public static func event(_ data: Data) -> Data { Data("data: ".utf8) + data + Data("\n\n".utf8) }
    public static let done = Data("data: [DONE]\n\n".utf8)
}

extension FinishReason {
    /// OpenAI knows `stop` and `length`; a deadline that cuts an answer short reads as `length`.
    public var apiValue: String {
        switch self {
        case .stop: "stop"
        case .length, .timeout: "length"
        case .cancelled: "cancelled"
        }
    }
}
