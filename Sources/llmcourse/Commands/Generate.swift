import Course
import ArgumentParser
import Console
import Decoding
import Foundation
import Templating
import Terminal
import Transformers

/// `llmcourse generate <model> <prompt>`: continues a prompt with a real checkpoint, streaming tokens.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Continue a prompt with a model folder, printing tokens as they come.",
        discussion: """
        Greedy by default; any sampling option (--temperature, --top-k, --top-p, --min-p) switches \
        to sampling, seeded by --seed so a run can be repeated. The model folder is a Hugging Face \
        GPT-2 or Llama-family checkpoint (docs/models.md says how to download one), or one saved \
        by the course's demos.

        With --chat the prompt is a user message: it is laid out with the folder's chat template \
        (`chat_template` in tokenizer_config.json, rendered by the course's Jinja subset; ChatML, \
        said aloud, when the folder has none) and only the answer is printed.

        Examples:
          llmcourse generate SmolLM-135M "The capital of France is" --max-new-tokens 20
          llmcourse generate SmolLM2-135M-Instruct "Name a prime above 10." --chat --system "Be brief."
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors, tokenizer.json or vocab.json + merges.txt).")
    var model: String

    @Argument(help: "The text to continue.")
    var prompt: String

    @Option(name: .long, help: "At most this many new tokens.")
    var maxNewTokens = 40

    @Option(name: .long, help: "Divide the logits by T before sampling (below 1: sharper).")
    var temperature: Float?

    @Option(name: .long, help: "Sample only among the k most likely tokens.")
    var topK: Int?

    @Option(name: .long, help: "Sample only from the smallest set of tokens whose probability reaches p (nucleus).")
    var topP: Float?

    @Option(name: .long, help: "Drop tokens less likely than min-p times the most likely one.")
    var minP: Float?

    @Option(name: .long, help: "Penalize tokens already in the text (1 = off; 1.2 is common).")
    var repetitionPenalty: Float?

    @Option(name: .long, help: "Stop once the new text contains this string (repeatable).")
    var stop: [String] = []

    @Option(name: .long, help: "Seed of the sampler.")
    var seed: UInt64 = 0

    @Flag(name: .long, help: "Treat the prompt as a user message in the folder's chat template; print only the answer.")
    var chat = false

    @Option(name: .long, help: "With --chat: a system message before the user's.")
    var system: String?

    @Option(name: .long, help: "Constrain the output to JSON matching this schema file (a subset: object, array, string, number, integer, boolean, null, enum, const).")
    var jsonSchema: String?

    @Option(name: .long, help: "Constrain the output to match this regular expression in full.")
    var regex: String?

    @Option(name: .long, help: ModelCommands.adapterHelp)
    var adapter: String?

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func validate() throws {
        let language = ModelCommands.language(lang)
        func refuse(_ key: ModelMessages.Key) -> ValidationError { ValidationError(ModelMessages.text(key, language)) }
        guard maxNewTokens > 0 else { throw refuse(.maxNewTokensTooSmall) }
        if system != nil && !chat { throw refuse(.systemNeedsChat) }
        if let temperature, !(temperature > 0) { throw refuse(.temperatureNotPositive) }
        if let topK, topK < 1 { throw refuse(.topKTooSmall) }
        if let topP, !(topP > 0 && topP <= 1) { throw refuse(.topPOutOfRange) }
        if let minP, !(minP >= 0 && minP < 1) { throw refuse(.minPOutOfRange) }
        if let repetitionPenalty, !(repetitionPenalty > 0) { throw refuse(.penaltyNotPositive) }
        _ = try grammar(language)
    }

    /// The --json-schema or --regex grammar, compiled; an error names what to fix.
    func grammar(_ language: CourseLanguage) throws -> StructuredOutput? {
        if jsonSchema != nil && regex != nil { throw ValidationError(ModelMessages.text(.grammarBoth, language)) }
        do {
            if let jsonSchema {
                guard let text = try? String(contentsOfFile: jsonSchema, encoding: .utf8) else {
                    throw ValidationError(ModelMessages.text(.grammarUnreadable, language, jsonSchema))
                }
                return try StructuredOutput.jsonSchema(text)
            }
            if let regex { return try StructuredOutput.regex(regex) }
        } catch let error as StructuredOutputError {
            throw ValidationError(ModelMessages.text(.grammarInvalid, language, jsonSchema ?? "--regex", error.description))
        }
        return nil
    }

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let (languageModel, tokenizer) = try ModelCommands.load(model, language, adapter: adapter)
        let (text, endOfTurn) = chat ? try chatPrompt(language) : (prompt, nil)
        let ids = tokenizer.encode(text)
        guard !ids.isEmpty else { throw ValidationError(ModelMessages.text(.emptyPrompt, language)) }
        guard ids.count < languageModel.contextLength else {
            throw ValidationError(ModelMessages.text(.promptTooLong, language, "\(ids.count)", "\(languageModel.contextLength)"))
        }
        var config = GenerationConfig.requested(maxNewTokens: maxNewTokens, specialTokens: tokenizer.specialTokens, stopStrings: stop,
                                                temperature: temperature, topK: topK, topP: topP, minP: minP,
                                                repetitionPenalty: repetitionPenalty, seed: seed)
        let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let endOfTurn, let id = tokenizer.specialTokens[endOfTurn] { config.endOfSequence.insert(id) }
        if !chat { FileHandle.standardOutput.write(Data(prompt.utf8)) }
        let started = Date()
        let result: Generation
        if let output = try grammar(language) {
            // The grammar decides when the text ends: the end token is the model's own, or
            // the first of the usual names its vocabulary has.
            let end = config.endOfSequence.min() ?? tokenizer.vocabularySize
            let sequence = ConstrainedSequence(output, tokenBytes: tokenizer.tokenBytes(), endToken: end)
            result = generate(LanguageModelAdapter(languageModel), prompt: ids, config: config, constraint: sequence, onToken: streamer.receive)
        } else {
            result = generate(LanguageModelAdapter(languageModel), prompt: ids, config: config,
                              decode: { tokenizer.decode($0) }, onToken: streamer.receive)
        }
        let seconds = Date().timeIntervalSince(started)
        let reason = switch result.stopReason {
        case .maxNewTokens: ModelMessages.text(.stopMaxTokens, language)
        case .endOfSequence: ModelMessages.text(.stopEndOfSequence, language)
        case .stopString(let s): ModelMessages.text(.stopString, language, s.debugDescription)
        case .contextFull: ModelMessages.text(.stopContextFull, language)
        }
        let rate = seconds > 0 ? Double(result.newTokens.count) / seconds : 0
        let summary = ModelMessages.text(.generated, language, "\(result.newTokens.count)", String(format: "%.2f", seconds),
                                         String(format: "%.1f", rate), reason)
        // The text ends its line on standard output (a file or a pipe gets a whole line);
        // the summary goes to standard error after a blank line.
        FileHandle.standardOutput.write(Data("\n".utf8))
        FileHandle.standardError.write(Data("\n\(summary)\n".utf8))
    }

    /// The prompt as the folder's chat template lays it out, and the template's end-of-turn token.
    func chatPrompt(_ language: CourseLanguage) throws -> (String, String?) {
        try ChatPrompt.render(folder: try ModelCommands.modelFolder(model, language), name: model, user: prompt, system: system, language: language)
    }
}

/// A user message (and an optional system message) laid out by a model folder's chat template.
enum ChatPrompt {
    /// The rendered text and the template's end-of-turn token. A folder without a template
    /// gets ChatML, said on standard error, or with `plainWithoutTemplate` the user's text as is
    /// (a base model continues text; it was never taught a chat format).
    static func render(folder: URL, name: String, user: String, system: String?, language: CourseLanguage,
                       plainWithoutTemplate: Bool = false, announceFallback: Bool = true) throws -> (String, String?) {
        do {
            let template = try ChatTemplateFile(folder: folder)
            if template.isFallback && plainWithoutTemplate { return (user, nil) }
            if template.isFallback && announceFallback { FileHandle.standardError.write(Data((ModelMessages.text(.chatFallback, language, name) + "\n").utf8)) }
            var messages: [JinjaValue] = []
            if let system { messages.append(.dict(JinjaDictionary([("role", .string("system")), ("content", .string(system))]))) }
            messages.append(.dict(JinjaDictionary([("role", .string("user")), ("content", .string(user))])))
            let text = try template.render(messages: messages, addGenerationPrompt: true)
            return (text, template.eosToken.isEmpty ? nil : template.eosToken)
        } catch {
            throw ValidationError(ModelMessages.text(.chatTemplateFailed, language, name, error.description))
        }
    }
}
