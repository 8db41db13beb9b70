import Foundation
import Templating

/// One training example as text: what the model reads (`prompt`) and what it learns to write
/// (`response`). Training masks the prompt unless the recipe says `train_on_inputs: true`.
public struct TextExample: Sendable, Equatable {
    public let prompt: String
    public let response: String

    public init(prompt: String, response: String) {
        self.prompt = prompt
        self.response = response
    }
}

/// The chat template a recipe asks for, as one Jinja template whatever the choice, so every
/// layout is split into prompt and response the same way (see ``RecipeDataset/split(_:with:)``).
public enum RecipeTemplate {
    /// Alpaca's layout (Taori et al. 2023) as a chat template; the answer ends in the model's
    /// end-of-sequence token, so generation learns where to stop.
    public static let alpaca = """
    {%- for message in messages %}\
    {%- if message['role'] == 'system' %}{{ message['content'] + '\\n\\n' }}\
    {%- elif message['role'] == 'user' %}{{ '### Instruction:\\n' + message['content'] + '\\n\\n' }}\
    {%- else %}{{ '### Response:\\n' + message['content'] + eos_token }}{%- endif %}\
    {%- endfor %}\
    {%- if add_generation_prompt %}{{ '### Response:\\n' }}{%- endif %}
    """

    /// The template `choice` names for the model in `folder`.
    public static func load(_ choice: FineTuneRecipe.TemplateChoice, folder: URL) throws -> ChatTemplateFile {
        let own = try ChatTemplateFile(folder: folder)
        switch choice {
        case .tokenizerDefault: return own
        case .chatml: return try ChatTemplateFile(source: ChatTemplateFile.chatML, bosToken: own.bosToken, eosToken: own.eosToken)
        case .alpaca: return try ChatTemplateFile(source: alpaca, bosToken: own.bosToken, eosToken: own.eosToken)
        }
    }
}

/// Reads a recipe's JSON Lines datasets into prompt/response pairs.
public enum RecipeDataset {
    // ANCHOR: split
    /// A conversation's prompt (everything before the last assistant turn, with the template's
    /// generation prompt) and response (the rest of the full rendering). A template that does
    /// not render the conversation as prompt + answer cannot be trained this way.
    public static func split(_ messages: [[String: String]], with template: ChatTemplateFile) throws -> TextExample? {
        guard let last = messages.lastIndex(where: { $0["role"] == "assistant" }) else { return nil }
        let values = messages[...last].map { message in
            JinjaValue.dict(JinjaDictionary(message.sorted { $0.key > $1.key }.map { ($0.key, .string($0.value)) }))  // role, content
        }
        let prompt = try template.render(messages: Array(values.dropLast()), addGenerationPrompt: true)
        let full = try template.render(messages: values, addGenerationPrompt: false)
        guard full.hasPrefix(prompt), full.count > prompt.count else { return nil }
        return TextExample(prompt: prompt, response: String(full.dropFirst(prompt.count)))
    }
    // ANCHOR_END: split

    /// Every record of `dataset`, laid out with `template`; errors name the file and line.
    public static func load(_ dataset: FineTuneRecipe.Dataset, template: ChatTemplateFile) throws(RecipeError) -> [TextExample] {
        let file = dataset.path.path
        let data: Data
        do { data = try Data(contentsOf: dataset.path) } catch {
            throw RecipeError(file: file, problem: "cannot read the dataset (\(error.localizedDescription))",
                              fix: "check datasets' path; it is relative to the recipe's folder")
        }
        var examples: [TextExample] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            func fail(_ problem: String, _ fix: String) -> RecipeError { RecipeError(file: file, line: index + 1, problem: problem, fix: fix) }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                throw fail("not a JSON object", "each line is one record, e.g. \(exampleRecord(dataset.type))")
            }
            examples.append(try example(object, dataset.type, template, fail))
        }
        guard !examples.isEmpty else {
            throw RecipeError(file: file, problem: "holds no records", fix: "write one JSON object per line, e.g. \(exampleRecord(dataset.type))")
        }
        return examples
    }

    static func example(_ object: [String: Any], _ type: FineTuneRecipe.DatasetType, _ template: ChatTemplateFile,
                        _ fail: (String, String) -> RecipeError) throws(RecipeError) -> TextExample {
        let record = exampleRecord(type)
        switch type {
        case .completion:
            guard let text = object["text"] as? String, !text.isEmpty else { throw fail("no \"text\" string", "write \(record)") }
            return TextExample(prompt: "", response: text + template.eosToken)
        case .alpaca:
            guard let instruction = object["instruction"] as? String, let output = object["output"] as? String else {
                throw fail("needs \"instruction\" and \"output\" strings", "write \(record)")
            }
            let input = (object["input"] as? String) ?? ""
            let user = input.isEmpty ? instruction : instruction + "\n\n" + input
            return try split([["role": "user", "content": user], ["role": "assistant", "content": output]], template, fail)
        case .chatTemplate:
            guard let list = object["messages"] as? [[String: Any]],
                  let messages = Optional(list.compactMap { m -> [String: String]? in
                      guard let role = m["role"] as? String, let content = m["content"] as? String else { return nil }
                      return ["role": role, "content": content]
                  }), messages.count == list.count, !messages.isEmpty else {
                throw fail("needs \"messages\": a list of {\"role\", \"content\"} strings", "write \(record)")
            }
            return try split(messages, template, fail)
        }
    }

    private static func split(_ messages: [[String: String]], _ template: ChatTemplateFile,
                              _ fail: (String, String) -> RecipeError) throws(RecipeError) -> TextExample {
        let result: TextExample?
        do { result = try split(messages, with: template) } catch {
            throw fail("the chat template failed on this record (\(error))", "check the record, or choose chat_template: chatml")
        }
        guard let result else {
            throw fail("has no assistant turn the template renders after the prompt",
                       "end each conversation with an assistant message, or choose chat_template: chatml")
        }
        return result
    }

    static func exampleRecord(_ type: FineTuneRecipe.DatasetType) -> String {
        switch type {
        case .alpaca: #"{"instruction": "Add 2 and 3.", "output": "5"}"#
        case .chatTemplate: #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#
        case .completion: #"{"text": "Some text to continue."}"#
        }
    }
}
