import Decoding
import Transformers

// ANCHOR: protocol
/// Whatever writes the agent's lines: a tiny local model, a scripted fake for tests, or a chat
/// model behind an OpenAI-compatible server.
///
/// `complete` continues `prompt` and returns the new text up to (not including) the first stop
/// string. The loop asks with `stop: ["\n"]`, one line at a time, so it can act on each
/// `Action:` before the model could invent its own observation.
public protocol AgentModel {
    func complete(_ prompt: String, stop: [String]) throws -> String
}
// ANCHOR_END: protocol

/// A ``NextTokenModel`` with a character vocabulary as an ``AgentModel``: greedy decoding until
/// a stop string appears, at most `maxNewTokens` characters, or the context is full.
///
/// ```swift
/// let agent = LocalAgentModel(model: gpt, vocabulary: vocabulary)
/// try agent.complete("Tools: calc\nQuestion: …\n", stop: ["\n"])   // "Action: calc[17*3+4]"
/// ```
public struct LocalAgentModel: AgentModel {
    public let model: any NextTokenModel
    public let vocabulary: CharacterVocabulary
    public var maxNewTokens: Int

    public init(model: any NextTokenModel, vocabulary: CharacterVocabulary, maxNewTokens: Int = 48) {
        self.model = model
        self.vocabulary = vocabulary
        self.maxNewTokens = maxNewTokens
    }

    public func complete(_ prompt: String, stop: [String]) throws -> String {
        var ids = vocabulary.encode(prompt)
        // A prompt longer than the context keeps its end: the newest lines matter most.
        if ids.count >= model.contextLength { ids = Array(ids.suffix(model.contextLength - 1)) }
        let config = GenerationConfig(maxNewTokens: maxNewTokens, stopStrings: stop)
        let output = generate(model, prompt: ids, config: config, decode: vocabulary.decode)
        var text = vocabulary.decode(Array(output.tokens[output.promptLength...]))
        if let cut = stop.compactMap({ text.range(of: $0)?.lowerBound }).min() { text = String(text[..<cut]) }
        return text
    }
}

/// A model that replays fixed lines, one per call, then repeats its last line: the tests' and the
/// failure-mode demo's stand-in for a model, so a loop's behavior can be checked exactly.
public final class ScriptedAgentModel: AgentModel {
    public let lines: [String]
    public private(set) var prompts: [String] = []

    public init(_ lines: [String]) {
        precondition(!lines.isEmpty, "ScriptedAgentModel: no lines")
        self.lines = lines
    }

    public func complete(_ prompt: String, stop: [String]) throws -> String {
        prompts.append(prompt)
        return lines[min(prompts.count - 1, lines.count - 1)]
    }
}
