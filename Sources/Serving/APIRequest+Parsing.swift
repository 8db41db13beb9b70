import Foundation

extension APIRequest {
    /// Reads a request body. `chat` selects the chat-completions fields (`messages`) over the
    /// completions ones (`prompt`).
    public static func parse(_ body: Data, chat: Bool) throws(APIRequestError) -> APIRequest {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            throw APIRequestError("the body is not valid JSON; send a JSON object with Content-Type: application/json")
        }
        guard case .object(let object) = value else {
            throw APIRequestError("the body must be a JSON object, e.g. {\"model\": \"…\", \(chat ? "\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]" : "\"prompt\": \"Once upon a time\"")}")
        }
        let fields = Fields(object)
        guard let model = try fields.string("model") else { throw APIRequestError("\"model\" is required: GET /v1/models lists the served name", param: "model") }
        let prompt: Prompt = chat ? .messages(try fields.messages()) : .text(try fields.prompt())
        var request = APIRequest(model: model, prompt: prompt)
        request.maxTokens = try fields.integer(chat ? "max_completion_tokens" : "max_tokens", in: 1...1_000_000)
        if chat && request.maxTokens == nil { request.maxTokens = try fields.integer("max_tokens", in: 1...1_000_000) }
        request.temperature = try fields.number("temperature", in: 0...2).map(Float.init) ?? 1
        request.topP = try fields.number("top_p", in: 0...1, openLow: true).map(Float.init) ?? 1
        request.stop = try fields.stop()
        request.seed = try fields.integer("seed", in: Int.min...Int.max).map { UInt64(bitPattern: Int64($0)) }
        if chat {
            let wants = try fields.bool("logprobs") ?? false
            let top = try fields.integer("top_logprobs", in: 0...20)
            if top != nil && !wants { throw APIRequestError("\"top_logprobs\" needs \"logprobs\": true", param: "top_logprobs") }
            request.logprobs = wants ? (top ?? 0) : nil
        } else {
            request.logprobs = try fields.integer("logprobs", in: 0...20)
        }
        request.stream = try fields.bool("stream") ?? false
        switch fields.object["stream_options"] {
        case nil, .null?: break
        case .object(let options)?: request.includeUsage = options["include_usage"] == .bool(true)
        default: throw APIRequestError("\"stream_options\" must be an object", param: "stream_options")
        }
        request.ignoreEndOfSequence = try fields.bool("ignore_eos") ?? false
        request.responseFormat = try fields.responseFormat()
        try fields.refuseUnsupported()
        return request
    }
}

/// Typed reads of a JSON object's fields, each error naming the field.
struct Fields {
    let object: [String: JSONValue]
    init(_ object: [String: JSONValue]) { self.object = object }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(APIRequestError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let s) = value else { throw APIRequestError("\"\(key)\" must be a string", param: key) }
        return s
    }

    func bool(_ key: String) throws(APIRequestError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let b) = value else { throw APIRequestError("\"\(key)\" must be true or false", param: key) }
        return b
    }

    func number(_ key: String, in range: ClosedRange<Double>, openLow: Bool = false) throws(APIRequestError) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let x) = value, x.isFinite else { throw APIRequestError("\"\(key)\" must be a number", param: key) }
        guard range.contains(x), !(openLow && x == range.lowerBound) else {
            throw APIRequestError("\"\(key)\" must be in \(openLow ? "(" : "[")\(Self.short(range.lowerBound)), \(Self.short(range.upperBound))]; got \(Self.short(x))", param: key)
        }
        return x
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(APIRequestError) -> Int? {
        guard let value = present(key) else { return nil }
        guard case .number(let x) = value, x.rounded() == x, abs(x) < 9.2e18 else { throw APIRequestError("\"\(key)\" must be an integer", param: key) }
        let i = Int(x)
        guard range.contains(i) else {
            throw APIRequestError(range.upperBound == Int.max ? "\"\(key)\" must be at least \(range.lowerBound); got \(i)"
                                  : "\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound); got \(i)", param: key)
        }
        return i
    }

    static func short(_ x: Double) -> String { x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x) }

    func prompt() throws(APIRequestError) -> String {
        switch present("prompt") {
        case .string(let s)?: return s
        case .array(let list)? where list.count == 1:
            if case .string(let s) = list[0] { return s }
            throw APIRequestError("\"prompt\" must be a string (token-id prompts are not supported)", param: "prompt")
        case .array(let list)?:
            throw APIRequestError("\"prompt\" holds \(list.count) prompts; this server takes one per request", param: "prompt")
        case nil: throw APIRequestError("\"prompt\" is required: the text to continue", param: "prompt")
        default: throw APIRequestError("\"prompt\" must be a string", param: "prompt")
        }
    }

    func messages() throws(APIRequestError) -> [ChatMessage] {
        guard case .array(let list)? = present("messages"), !list.isEmpty else {
            throw APIRequestError("\"messages\" must be a non-empty list like [{\"role\": \"user\", \"content\": \"Hi\"}]", param: "messages")
        }
        var out: [ChatMessage] = []
        for (i, item) in list.enumerated() {
            guard case .object(let message) = item, case .string(let role)? = message["role"] else {
                throw APIRequestError("messages[\(i)] needs a \"role\" (system, user, assistant or tool)", param: "messages")
            }
            guard ["system", "user", "assistant", "tool", "developer"].contains(role) else {
                throw APIRequestError("messages[\(i)].role \"\(role)\" is not one of system, user, assistant, tool", param: "messages")
            }
            switch message["content"] {
            case .string(let s)?: out.append(ChatMessage(role: role, content: s))
            case .array(let parts)?:
                // [{"type": "text", "text": "…"}, …]: text parts only.
                var text = ""
                for part in parts {
                    guard case .object(let p) = part, p["type"] == .string("text"), case .string(let t)? = p["text"] else {
                        throw APIRequestError("messages[\(i)].content: only {\"type\": \"text\"} parts are supported", param: "messages")
                    }
                    text += t
                }
                out.append(ChatMessage(role: role, content: text))
            default: throw APIRequestError("messages[\(i)].content must be a string", param: "messages")
            }
        }
        return out
    }

    func stop() throws(APIRequestError) -> [String] {
        switch present("stop") {
        case nil: return []
        case .string(let s)?: return [s]
        case .array(let list)?:
            let strings = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
            guard strings.count == list.count, strings.count <= 4 else { throw APIRequestError("\"stop\" must be a string or a list of at most 4 strings", param: "stop") }
            return strings
        default: throw APIRequestError("\"stop\" must be a string or a list of strings", param: "stop")
        }
    }

    func responseFormat() throws(APIRequestError) -> APIRequest.ResponseFormat? {
        if let regex = try string("guided_regex") { return .regex(regex) }
        guard let format = present("response_format") else { return nil }
        guard case .object(let dict) = format, case .string(let type)? = dict["type"] else {
            throw APIRequestError("\"response_format\" must be {\"type\": \"json_schema\", \"json_schema\": {\"name\": …, \"schema\": {…}}}", param: "response_format")
        }
        switch type {
        case "text": return nil
        case "json_schema":
            guard case .object(let wrapper)? = dict["json_schema"], let schema = wrapper["schema"], case .object = schema else {
                throw APIRequestError("response_format.json_schema.schema must be a JSON schema object", param: "response_format")
            }
            return .jsonSchema(schema.text)
        case "json_object":
            throw APIRequestError("response_format \"json_object\" is not supported: give the shape with {\"type\": \"json_schema\", \"json_schema\": {\"schema\": {…}}}", param: "response_format")
        case "regex":
            guard case .string(let pattern)? = dict["regex"] else { throw APIRequestError("response_format of type regex needs \"regex\": \"…\"", param: "response_format") }
            return .regex(pattern)
        default:
            throw APIRequestError("response_format type \"\(type)\" is unknown; use text, json_schema or regex", param: "response_format")
        }
    }

    /// Fields that would change the answer in ways this server does not implement.
    func refuseUnsupported() throws(APIRequestError) {
        for key in ["n", "best_of"] {
            if case .number(let n)? = present(key), n != 1 {
                throw APIRequestError("\"\(key)\": \(Self.short(n)) is not supported; send separate requests (they are batched together anyway)", param: key)
            }
        }
        for key in ["presence_penalty", "frequency_penalty"] {
            if case .number(let x)? = present(key), x != 0 { throw APIRequestError("\"\(key)\" is not supported; leave it at 0", param: key) }
        }
        if case .object(let bias)? = present("logit_bias"), !bias.isEmpty { throw APIRequestError("\"logit_bias\" is not supported", param: "logit_bias") }
        if present("echo") == .bool(true) { throw APIRequestError("\"echo\": true is not supported", param: "echo") }
        if present("suffix") != nil { throw APIRequestError("\"suffix\" (insertion) is not supported", param: "suffix") }
        if case .array(let tools)? = present("tools"), !tools.isEmpty {
            throw APIRequestError("\"tools\" is not supported by this server; the agents chapter puts tool calls in the prompt instead", param: "tools")
        }
    }
}
