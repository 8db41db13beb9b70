import ArgumentParser
import Foundation
import ModelTools
import Transformers

/// `llmcourse evaluate <model> --text FILE`: perplexity and bits per byte on a held-out text.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure a model's perplexity on a text file (sliding window).",
        discussion: """
        Every token of the text is scored once, with up to --window tokens of context; the window \
        moves by --stride (default: half the window). Lower is better. Bits per byte does not \
        depend on the tokenizer, so it compares models with different vocabularies. Use it to \
        compare a model before and after fine-tuning, quantisation or merging, on the same text.

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

    func validate() throws {
        if let window, window < 2 { throw ValidationError("--window must be at least 2 tokens.") }
        if let stride, stride < 1 { throw ValidationError("--stride must be at least 1 token.") }
        if let window, let stride, stride > window { throw ValidationError("--stride (\(stride)) cannot exceed --window (\(window)).") }
        if let maxTokens, maxTokens < 2 { throw ValidationError("--max-tokens must be at least 2.") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: text) else {
            throw ValidationError("Cannot read \(text). Give a UTF-8 text file with --text.")
        }
        guard let body = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(text) is not UTF-8 text. Convert it first, e.g. iconv -t UTF-8.")
        }
        let (languageModel, tokenizer) = try ModelCommands.load(model)
        var tokens = tokenizer.encode(body, allowSpecialTokens: false)
        if let maxTokens, tokens.count > maxTokens { tokens = Array(tokens.prefix(maxTokens)) }
        guard tokens.count >= 2 else { throw ValidationError("\(text) holds fewer than two tokens; nothing to score.") }
        let bytes = tokenizer.decodeBytes(tokens).count  // byte-level BPE: the scored text's exact bytes
        let windowSize = min(window ?? min(languageModel.contextLength, 1024), languageModel.contextLength)
        let evaluator = SlidingPerplexity(window: windowSize, stride: stride)
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        let report = evaluator.evaluate(languageModel, tokens: tokens, byteCount: bytes) { done, total in
            if interactive {
                FileHandle.standardError.write(Data("\rscoring… \(done)/\(total) tokens".utf8))
            }
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json {
            var record: [String: Any] = ["model": model, "text": text, "tokens": report.scoredTokens,
                                         "window": evaluator.window, "stride": evaluator.stride,
                                         "mean_nll": report.meanNLL, "perplexity": report.perplexity,
                                         "seconds": report.seconds]
            if let bpb = report.bitsPerByte { record["bits_per_byte"] = bpb }
            let out = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: out, as: UTF8.self))
            return
        }
        print("model       \(model)")
        print("text        \(text) (\(bytes) bytes, \(tokens.count) tokens)")
        print("window      \(evaluator.window) tokens, stride \(evaluator.stride) (\(report.windows) windows)")
        print(String(format: "perplexity  %.3f   (mean loss %.4f nats/token)", report.perplexity, report.meanNLL))
        if let bpb = report.bitsPerByte { print(String(format: "bits/byte   %.4f", bpb)) }
        print(String(format: "time        %.2f s (%.0f tokens/s)", report.seconds, report.tokensPerSecond))
    }
}
