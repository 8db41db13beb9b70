import ArgumentParser
import Decoding
import Foundation
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

        Example: llmcourse generate SmolLM-135M "The capital of France is" --max-new-tokens 20
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

    @Option(name: .long, help: "Penalise tokens already in the text (1 = off; 1.2 is common).")
    var repetitionPenalty: Float?

    @Option(name: .long, help: "Stop once the new text contains this string (repeatable).")
    var stop: [String] = []

    @Option(name: .long, help: "Seed of the sampler.")
    var seed: UInt64 = 0

    func validate() throws {
        guard maxNewTokens > 0 else { throw ValidationError("--max-new-tokens must be at least 1.") }
        if let temperature, !(temperature > 0) { throw ValidationError("--temperature must be above 0; for the most likely token each time, leave it out (greedy).") }
        if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1.") }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1], e.g. 0.9.") }
        if let minP, !(minP >= 0 && minP < 1) { throw ValidationError("--min-p must be in [0, 1), e.g. 0.05.") }
        if let repetitionPenalty, !(repetitionPenalty > 0) { throw ValidationError("--repetition-penalty must be above 0, e.g. 1.2.") }
    }

    func run() throws {
        let (languageModel, tokenizer) = try ModelCommands.load(model)
        let ids = tokenizer.encode(prompt)
        guard !ids.isEmpty else { throw ValidationError("The prompt is empty; give some text to continue.") }
        guard ids.count < languageModel.contextLength else {
            throw ValidationError("The prompt has \(ids.count) tokens but the model reads at most \(languageModel.contextLength); shorten it.")
        }
        let eos = ["<|endoftext|>", "</s>", "<|im_end|>"].compactMap { tokenizer.specialTokens[$0] }
        let sampling = temperature != nil || topK != nil || topP != nil || minP != nil
        let config = GenerationConfig(maxNewTokens: maxNewTokens, endOfSequence: Set(eos), stopStrings: stop,
                                      sampling: sampling, temperature: temperature, topK: topK, topP: topP,
                                      minP: minP, repetitionPenalty: repetitionPenalty, seed: seed)
        let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        FileHandle.standardOutput.write(Data(prompt.utf8))
        let started = Date()
        let result = generate(LanguageModelAdapter(languageModel), prompt: ids, config: config,
                              decode: { tokenizer.decode($0) }, onToken: streamer.receive)
        let seconds = Date().timeIntervalSince(started)
        let reason: String = switch result.stopReason {
        case .maxNewTokens: "reached --max-new-tokens"
        case .endOfSequence: "end-of-sequence token"
        case .stopString(let s): "stop string \(s.debugDescription)"
        case .contextFull: "the model's context is full"
        }
        let rate = seconds > 0 ? Double(result.newTokens.count) / seconds : 0
        FileHandle.standardError.write(Data(String(format: "\n\n%d new tokens in %.2f s (%.1f tokens/s); stopped: %@\n",
                                                   result.newTokens.count, seconds, rate, reason).utf8))
    }
}
