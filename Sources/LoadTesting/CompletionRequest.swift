import Foundation

/// The OpenAI-compatible request a load test sends, and how it reads the streamed answer.
public struct CompletionRequest: Sendable {
    /// `/v1/completions` (a raw prompt) or `/v1/chat/completions` (one user message).
    public enum API: String, Codable, Sendable {
        case completions, chat
        public var path: String { self == .chat ? "/v1/chat/completions" : "/v1/completions" }
    }

    public let api: API
    public let model: String
    public let prompt: String
    public let maxTokens: Int

    public init(api: API, model: String, prompt: String, maxTokens: Int) {
        self.api = api
        self.model = model
        self.prompt = prompt
        self.maxTokens = maxTokens
    }

    /// The JSON body: streaming, greedy (`temperature: 0`), `ignore_eos` so servers that honor
    /// it (vLLM, llama.cpp, ours) produce exactly `max_tokens` and runs stay comparable, and
    /// `stream_options.include_usage` asking for the token count in a last chunk.
    public var body: [UInt8] {
        var object: [String: Any] = [
            "model": model, "max_tokens": maxTokens, "stream": true, "temperature": 0,
            "ignore_eos": true, "stream_options": ["include_usage": true],
        ]
        switch api {
        case .completions: object["prompt"] = prompt
        case .chat: object["messages"] = [["role": "user", "content": prompt]]
        }
        return Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

/// What one `data:` event of a streamed completion holds for timing purposes.
public struct StreamChunk: Equatable, Sendable {
    /// The text it adds (`choices[0].text`, or `choices[0].delta.content` for chat); empty for
    /// a role-only first chat chunk or the usage-only last chunk.
    public let text: String
    /// `usage.completion_tokens`, when the chunk carries it.
    public let completionTokens: Int?
    /// `data: [DONE]`, the end of the stream.
    public let isDone: Bool

    /// Parses one event's data; nil when it is not JSON (counted as a malformed stream).
    public static func parse(_ data: String) -> StreamChunk? {
        if data.trimmingCharacters(in: .whitespaces) == "[DONE]" { return StreamChunk(text: "", completionTokens: nil, isDone: true) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { return nil }
        var text = ""
        if let choice = (object["choices"] as? [[String: Any]])?.first {
            if let t = choice["text"] as? String { text = t }
            else if let delta = choice["delta"] as? [String: Any], let t = delta["content"] as? String { text = t }
        }
        let usage = (object["usage"] as? [String: Any])?["completion_tokens"] as? Int
        return StreamChunk(text: text, completionTokens: usage, isDone: false)
    }
}

/// The `id` of the first model `GET /v1/models` lists (`{"data": [{"id": ...}]}`).
public func firstModelID(_ body: [UInt8]) -> String? {
    let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    return ((object?["data"] as? [[String: Any]])?.first?["id"]) as? String
}
