import Course
import ArgumentParser
import Console
import Foundation
import ModelTools
import Terminal
import Transformers

/// `llmcourse evaluate`: a model's perplexity on a held-out text (`--text`), its accuracy on a
/// multiple-choice benchmark (`--task mcq`), or BLEU / ROUGE-L of outputs against references
/// (`--metric`, no model needed).
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a model: perplexity on a text, accuracy on multiple choice, or BLEU/ROUGE-L of outputs.",
        discussion: """
        --text: every token of the text is scored once, with up to --window tokens of context; \
        the window moves by --stride (default: half the window). Lower is better. Bits per byte \
        does not depend on the tokenizer, so it compares models with different vocabularies.

        --task mcq FILE: a JSONL file of {"question", "choices", "answer"}; each choice is scored \
        by its log-likelihood after the question, as lm-evaluation-harness does. acc picks the \
        highest; acc_norm divides by the choice's length in characters first.

        --metric bleu|rouge-l: line i of --outputs against line i of each --references file. \
        BLEU is sacrebleu's (13a tokens, corpus level); ROUGE-L is rouge-score's F (best reference).

        Examples:
          llmcourse evaluate gpt2 --text held-out.txt --window 512
          llmcourse evaluate gpt2 --task mcq Benchmarks/arithmetic-mcq.jsonl
          llmcourse evaluate --metric bleu --outputs out.txt --references ref.txt
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors and tokenizer files); not with --metric.")
    var model: String?

    @Option(name: .long, help: "The text to score (UTF-8).")
    var text: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("A benchmark: mcq FILE.jsonl.", valueName: "kind file"))
    var task: [String] = []

    @Option(name: .long, help: "bleu or rouge-l: score --outputs against --references (no model).")
    var metric: String?

    @Option(name: .long, help: "With --metric: the outputs, one per line.")
    var outputs: String?

    @Option(name: .long, help: "With --metric: a file of references, line-aligned with --outputs (repeat for more).")
    var references: [String] = []

    @Option(name: .long, help: "Tokens the model sees at once (default: its context length, at most 1024).")
    var window: Int?

    @Option(name: .long, help: "How far the window moves each time (default: half the window).")
    var stride: Int?

    @Option(name: .long, help: "Score only the first N tokens of the text.")
    var maxTokens: Int?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.adapterHelp)
    var adapter: String?

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func validate() throws {
        let language = ModelCommands.language(lang)
        try validateMode(language)
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
        if let metric { return try runMetric(metric, language) }
        if !task.isEmpty { return try runTask(language) }
        guard let model, let text else { throw ValidationError(ModelMessages.text(.chooseOneMode, language)) }
        guard let data = FileManager.default.contents(atPath: text) else {
            throw ValidationError(ModelMessages.text(.cannotReadText, language, text))
        }
        guard let body = String(data: data, encoding: .utf8) else {
            throw ValidationError(ModelMessages.text(.notUTF8, language, text))
        }
        let (languageModel, tokenizer) = try ModelCommands.load(model, language, adapter: adapter)
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
            return try Self.printJSON(record)
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
        Self.printTable(rows.map { (ModelMessages.text($0.0, language), $0.1) })
    }

    /// Label–value rows, labels padded by display width so the values line up in Chinese too.
    static func printTable(_ rows: [(label: String, value: String)]) {
        let column = (rows.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
        for row in rows { print(row.label + String(repeating: " ", count: column - DisplayWidth.of(row.label)) + row.value) }
    }
}
