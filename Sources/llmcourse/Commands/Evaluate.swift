import Course
import ArgumentParser
import Console
import Foundation
import ModelTools
import Terminal
import Transformers

/// `llmcourse evaluate <model> --text FILE`: perplexity and bits per byte on a held-out text.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a model's perplexity on a text file (sliding window).",
        discussion: """
        Every token of the text is scored once, with up to --window tokens of context; the window \
        moves by --stride (default: half the window). Lower is better. Bits per byte does not \
        depend on the tokenizer, so it compares models with different vocabularies. Use it to \
        compare a model before and after fine-tuning, quantization or merging, on the same text.

        Example: llmcourse evaluate gpt2 --text held-out.txt --window 512
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors and tokenizer files).")
    var model: String

    @Option(name: .long, help: "The text to score (UTF-8).")
    var text: String

    @Option(name: .long, help: "Tokens the model sees at once (default: its context length, at most 1024).")
    var window: Int?

    @Option(name: .long, help: "How far the window moves each time (default: half the window).")
    var stride: Int?

    @Option(name: .long, help: "Score only the first N tokens of the text.")
    var maxTokens: Int?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func validate() throws {
        let language = ModelCommands.language(lang)
        func refuse(_ key: ModelMessages.Key, _ args: String...) -> ValidationError {
            ValidationError(ModelMessages.text(key, language, arguments: args))
        }
        if let window, window < 2 { throw refuse(.windowTooSmall) }
        if let stride, stride < 1 { throw refuse(.strideTooSmall) }
        if let window, let stride, stride > window { throw refuse(.strideAboveWindow, "\(stride)", "\(window)") }
        if let maxTokens, maxTokens < 2 { throw refuse(.maxTokensTooSmall) }
    }

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        guard let data = FileManager.default.contents(atPath: text) else {
            throw ValidationError(ModelMessages.text(.cannotReadText, language, text))
        }
        guard let body = String(data: data, encoding: .utf8) else {
            throw ValidationError(ModelMessages.text(.notUTF8, language, text))
        }
        let (languageModel, tokenizer) = try ModelCommands.load(model, language)
        var tokens = tokenizer.encode(body, allowSpecialTokens: false)
        if let maxTokens, tokens.count > maxTokens { tokens = Array(tokens.prefix(maxTokens)) }
        guard tokens.count >= 2 else { throw ValidationError(ModelMessages.text(.tooFewTokens, language, text)) }
        let bytes = tokenizer.decodeBytes(tokens).count  // byte-level BPE: the scored text's exact bytes
        let windowSize = min(window ?? min(languageModel.contextLength, 1024), languageModel.contextLength)
        let evaluator = SlidingPerplexity(window: windowSize, stride: stride)
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        let report = evaluator.evaluate(languageModel, tokens: tokens, byteCount: bytes) { done, total in
            if interactive {
                FileHandle.standardError.write(Data(("\r" + ModelMessages.text(.scoring, language, "\(done)", "\(total)")).utf8))
            }
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json {
            let record = report.record(model: model, text: text, window: evaluator.window, stride: evaluator.stride)
            let out = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: out, as: UTF8.self))
            return
        }
        let m = { (key: ModelMessages.Key, args: [String]) in ModelMessages.text(key, language, arguments: args) }
        var rows: [(ModelMessages.Key, String)] = [
            (.labelModel, model),
            (.labelText, m(.valueText, [text, "\(bytes)", "\(tokens.count)"])),
            (.labelWindow, m(.valueWindow, ["\(evaluator.window)", "\(evaluator.stride)", "\(report.windows)"])),
            (.labelPerplexity, m(.valuePerplexity, [String(format: "%.3f", report.perplexity), String(format: "%.4f", report.meanNLL)])),
        ]
        if let bpb = report.bitsPerByte { rows.append((.labelBitsPerByte, String(format: "%.4f", bpb))) }
        rows.append((.labelTime, m(.valueTime, [String(format: "%.2f", report.seconds), String(format: "%.0f", report.tokensPerSecond)])))
        // Labels padded by display width, so the values line up in Chinese too.
        let labels = rows.map { ModelMessages.text($0.0, language) }
        let column = (labels.map(DisplayWidth.of).max() ?? 0) + 2
        for (label, row) in zip(labels, rows) {
            print(label + String(repeating: " ", count: column - DisplayWidth.of(label)) + row.1)
        }
    }
}
