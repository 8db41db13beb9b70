import Foundation

/// A model folder's chat template: `chat_template` from `tokenizer_config.json` (a string, or
/// a list of named templates of which `default` is used), or a `chat_template.jinja` file
/// beside it, with the folder's `bos_token` and `eos_token`. A folder without one gets ChatML,
/// and `isFallback` says so, so a command can tell the learner.
///
///     let chat = try ChatTemplateFile(folder: URL(fileURLWithPath: "SmolLM3-3B"))
///     let prompt = try chat.render(messages: [["role": "user", "content": "Hi"]], addGenerationPrompt: true)
public struct ChatTemplateFile {
    public let source: String
    public let isFallback: Bool
    public let bosToken: String
    public let eosToken: String
    let template: JinjaTemplate

    // ANCHOR: chatml
    /// ChatML, which many small models use: `<|im_start|>role\ncontent<|im_end|>\n`.
    public static let chatML = """
    {%- for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{%- endfor %}\
    {%- if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%- endif %}
    """
    // ANCHOR_END: chatml

    public init(folder: URL) throws(JinjaError) {
        var config = JinjaValue.undefined
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("tokenizer_config.json").path) {
            config = try JinjaValue.parseJSON(String(decoding: data, as: UTF8.self))
        }
        var source: String?
        switch JinjaBuiltins.attribute(config, "chat_template") {
        case .string(let s): source = s
        case .list(let named):
            source = named.first { JinjaBuiltins.attribute($0, "name").text == "default" }.map { JinjaBuiltins.attribute($0, "template").text }
        default:
            source = FileManager.default.contents(atPath: folder.appendingPathComponent("chat_template.jinja").path).map { String(decoding: $0, as: UTF8.self) }
        }
        // A token may be written as a string or as {"content": "<s>", …}.
        func token(_ key: String) -> String {
            let v = JinjaBuiltins.attribute(config, key)
            if case .dict = v { return JinjaBuiltins.attribute(v, "content").text }
            return v.text
        }
        try self.init(source: source ?? Self.chatML, isFallback: source == nil, bosToken: token("bos_token"), eosToken: token("eos_token"))
    }

    public init(source: String, isFallback: Bool = false, bosToken: String = "", eosToken: String = "") throws(JinjaError) {
        self.source = source
        self.isFallback = isFallback
        self.bosToken = bosToken
        self.eosToken = eosToken
        template = try JinjaTemplate(source)
    }

    /// The prompt text for `messages` (each a dictionary with `role` and `content`).
    public func render(messages: [JinjaValue], tools: [JinjaValue]? = nil, addGenerationPrompt: Bool,
                       now: @escaping @Sendable () -> JinjaDate = JinjaDate.current) throws(JinjaError) -> String {
        var variables: [String: JinjaValue] = ["messages": .list(messages), "add_generation_prompt": .bool(addGenerationPrompt),
                                               "bos_token": .string(bosToken), "eos_token": .string(eosToken)]
        if let tools { variables["tools"] = .list(tools) }
        return try template.render(variables, now: now)
    }
}
