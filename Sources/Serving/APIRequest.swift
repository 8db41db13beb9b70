import Foundation

/// A refusal in OpenAI's error shape: `{"error": {"message", "type", "param", "code"}}`, with
/// the HTTP status it goes out with.
public struct APIRequestError: Error, Equatable, CustomStringConvertible {
    public var status: Int
    public var message: String
    public var param: String?
    public var type: String
    public var code: String?
    public var retryAfter: Int?

    public init(status: Int = 400, _ message: String, param: String? = nil, type: String = "invalid_request_error",
                code: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.param = param
        self.type = type
        self.code = code
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// The JSON body.
    public var body: Data {
        let error: [String: Any] = ["message": message, "type": type, "param": param ?? NSNull(), "code": code ?? NSNull()]
        return (try? JSONSerialization.data(withJSONObject: ["error": error], options: [.sortedKeys])) ?? Data()
    }
}

/// What the client asked for, read from the JSON body of `/v1/completions` or
/// `/v1/chat/completions` and checked field by field, so a mistake comes back naming its field.
///
/// Fields the course does not implement are refused when they would change the answer
/// (`n: 2`, `presence_penalty: 0.5`) and ignored when they are at their neutral value, so the
/// `openai` client's defaults pass.
public struct APIRequest: Sendable {
    public enum Prompt: Sendable, Equatable {
        case text(String)
        case messages([ChatMessage])
    }

    public enum ResponseFormat: Sendable, Equatable {
        case jsonSchema(String)
        case regex(String)
    }

    public var model: String
    public var prompt: Prompt
    public var maxTokens: Int?
    public var temperature: Float = 1
    public var topP: Float = 1
    public var stop: [String] = []
    public var seed: UInt64?
    /// Alternatives per token to report (completions: `logprobs: k`; chat: `top_logprobs`).
    public var logprobs: Int?
    public var stream = false
    public var includeUsage = false
    public var ignoreEndOfSequence = false
    public var responseFormat: ResponseFormat?

    public var isChat: Bool { if case .messages = prompt { true } else { false } }
}

public struct ChatMessage: Sendable, Equatable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
