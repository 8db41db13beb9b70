import Console
import Foundation
import Autograd
import Course
import FineTuning
import NeuralNets
import Tensors
import Transformers

/// What the fine-tuning demos share: the character tokenizer, a tiny GPT pre-trained on the
/// statements of ``InstructionWorld`` (cached on disk per seed, so later demos start at once),
/// and the cleaned, tokenized instruction sets.
struct FineTuningLab {
    let tokenizer: CharacterTokenizer
    let template: ChatTemplate
    let seed: UInt64
    let quick: Bool
    /// The language of the lines the lab logs while it prepares a model.
    let language: CourseLanguage
    /// Positions the model can attend over (64 fits a question and its answer; longer prompts,
    /// such as the security chapter's question with a retrieved note, need a longer one).
    let contextLength: Int

    static let alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,?+=#:\n"

    init(seed: UInt64, quick: Bool, language: CourseLanguage = .english, template: ChatTemplate = .chatML, contextLength: Int = 64) {
        tokenizer = CharacterTokenizer(alphabet: Self.alphabet, specials: ChatTemplate.specialTokens)
        self.template = template
        self.seed = seed
        self.quick = quick
        self.language = language
        self.contextLength = contextLength
    }

    var endOfTurn: Int { tokenizer.id(template.endOfTurn)! }

    var config: GPT2Config {
        GPT2Config(vocabularySize: tokenizer.vocabularySize, contextLength: contextLength, embeddingSize: 64, layerCount: 2, headCount: 4)
    }

    /// Part of the cache folders' names, so models of different context lengths never mix.
    var contextSuffix: String { contextLength == 64 ? "" : "-ctx\(contextLength)" }

    var pretrainingSteps: Int { quick ? 40 : 700 }
    /// Shows the long training runs below (the demos pass their context's progress).
    var progress: (String, Int) -> ProgressTask = { label, total in ProgressReporter.silent.task(label, total: total) }

    /// The lab a demo uses: its seed, quick path and language, long training shown as its progress.
    init(context: DemoContext, template: ChatTemplate = .chatML, contextLength: Int = 64) {
        self.init(seed: context.seed, quick: context.quick, language: context.language, template: template, contextLength: contextLength)
        progress = { context.progress($0, total: $1) }
    }

    /// The base model: pre-trained on fact statements, never shown an instruction.
    func pretrainedModel(log: (String) -> Void) throws -> GPT2Model {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("llmcourse-finetuning-base-\(seed)-\(pretrainingSteps)\(contextSuffix)-v1")
        if let cached = try? GPT2Model(directory: folder) {
            log(DemoText.text("base model: loaded the pre-trained tiny GPT from {0}", language, [folder.path]))
            return cached
        }
        let text = InstructionWorld.pretrainingText(lines: 20_000, seed: seed)
        let model = GPT2Model(config: config, seed: seed)
        let trainer = PreTrainer(model: model, tokens: try tokenizer.encode(text),
                                 settings: .init(steps: pretrainingSteps, batchSize: 16, windowLength: 48,
                                                 peakLearningRate: 3e-3, warmupSteps: 30, seed: seed))
        let start = Date()
        var loss: Float = 0
        let training = progress("pre-training the base model", pretrainingSteps)
        defer { training.finish() }
        for step in 0..<pretrainingSteps {
            loss = trainer.step()
            training.advance()
            if step % 100 == 0 { log("  " + DemoText.text("pre-training step {0}: loss {1}", language, ["\(step)", String(format: "%.3f", loss)])) }
        }
        log(DemoText.text("base model: {0} parameters pre-trained for {1} steps on fact sentences (final loss {2}, {3} s)", language,
                          ["\(model.parameterCount)", "\(pretrainingSteps)", String(format: "%.3f", loss),
                           String(format: "%.0f", Date().timeIntervalSince(start))]))
        try? model.save(directory: folder)
        return model
    }

    /// The base model after a short supervised fine-tuning on `examples` (cached on disk like the
    /// base): it answers in the chat format but still gets many answers slightly wrong.
    func instructionTunedModel(base: GPT2Model, examples: [TokenizedExample], steps: Int) throws -> GPT2Model {
        try fineTuned(base, on: examples, steps: steps, learningRate: 1e-3, cacheName: "finetuning-sft", label: "instruction-tuning the base model")
    }

    /// A copy of `base` fine-tuned on `examples`, cached on disk per seed, cache name and steps.
    func fineTuned(_ base: GPT2Model, on examples: [TokenizedExample], steps: Int, learningRate: Float,
                   cacheName: String, label: String) throws -> GPT2Model {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("llmcourse-\(cacheName)-\(seed)-\(pretrainingSteps)-\(steps)\(contextSuffix)-v1")
        if let cached = try? GPT2Model(directory: folder) { return cached }
        let model = try copy(of: base)
        let tuner = SupervisedFineTuner(model: model, examples: examples,
                                        settings: .init(steps: steps, batchSize: 16, learningRate: learningRate, seed: seed))
        let tuning = progress(label, steps)
        for _ in 0..<steps { tuner.step(); tuning.advance() }
        tuning.finish()
        try? model.save(directory: folder)
        return model
    }

    /// A fresh copy of `model` (same weights, its own parameters).
    func copy(of model: GPT2Model) throws -> GPT2Model {
        let twin = GPT2Model(config: model.config, seed: 0)
        try twin.loadStateDict(model.stateDict())
        return twin
    }

    /// The model's greedy reply to a prompt's ids, as text without the end-of-turn token.
    func reply(_ model: any LanguageModel, to prompt: [Int], maxNewTokens: Int) -> String {
        let output = greedyDecode(model, prompt: prompt, maxNewTokens: maxNewTokens, stopAt: endOfTurn)[prompt.count...]
        return tokenizer.decode(output.filter { $0 != endOfTurn })
    }

    /// Raw generated instructions → deduplicated → verified; with the counts of each step.
    func cleanedInstructions(count: Int) -> (examples: [InstructionExample], raw: Int, duplicates: Int, rejected: Int) {
        let raw = InstructionWorld.rawInstructions(count: count, faultRate: 0.1, seed: seed)
        let (unique, duplicates) = DataCleaning.deduplicate(raw)
        let (clean, rejected) = DataCleaning.filter(unique) { InstructionWorld.answer(task: $0.task, key: $0.key) == $0.response }
        return (clean, raw.count, duplicates, rejected)
    }

    func tokenized(_ example: InstructionExample) throws -> TokenizedExample {
        let (prompt, response) = template.split(instruction: example.instruction, response: example.response)
        return TokenizedExample(prompt: try tokenizer.encode(prompt), response: try tokenizer.encode(response))
    }

    func validationSet() throws -> [TokenizedExample] {
        try InstructionWorld.validationInstructions().map(tokenized)
    }
}

extension DemoContext {
    /// Seconds taken by `body`, with its result.
    func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = Date()
        let result = try body()
        return (result, Date().timeIntervalSince(start))
    }
}

/// `0.4567` → `"45.7%"`.
func percent(_ value: Double) -> String { String(format: "%.1f%%", 100 * value) }
