import Foundation

/// A fine-tuning run described in a file, in the style of Axolotl: everything that decides the
/// result — base model, data and its template, adapter, schedule, output — in one place that
/// can be read, diffed and rerun. Keys keep Axolotl's names, so a learner who moves on to it
/// recognizes them; `llmcourse finetune --help` lists them and `docs/finetune.md` documents each.
///
/// ```yaml
/// base_model: models/course-gpt2        # a Hugging Face GPT-2 or Llama folder
/// datasets:
///   - path: data/train.jsonl
///     type: alpaca                      # alpaca | chat_template | completion
/// chat_template: alpaca                 # tokenizer_default | chatml | alpaca
/// adapter: lora                         # lora | qlora
/// lora_r: 8
/// lora_alpha: 16
/// lora_target_modules: [c_attn]
/// micro_batch_size: 8
/// num_epochs: 3                         # or max_steps: 300
/// learning_rate: 0.001
/// output_dir: out/adapter
/// ```
///
/// Paths are relative to the recipe file's folder. `FineTuneRecipes` reads and checks a recipe
/// file (`FineTuneRecipe(contentsOf:)`); every mistake becomes a ``RecipeError`` naming the
/// line, the key and the fix.
public struct FineTuneRecipe: Sendable, Equatable {
    /// How the records of a dataset file become a prompt and a response.
    public enum DatasetType: String, Sendable, CaseIterable {
        /// `{"instruction", "input"?, "output"}`: one user turn and the answer.
        case alpaca
        /// `{"messages": [{"role", "content"}, …]}`: rendered with the chat template; the last
        /// assistant turn is the response.
        case chatTemplate = "chat_template"
        /// `{"text"}`: plain continuation, every token trained.
        case completion
    }

    /// Which chat template lays conversations out.
    public enum TemplateChoice: String, Sendable, CaseIterable {
        /// The base folder's `chat_template` (ChatML when it has none, said aloud).
        case tokenizerDefault = "tokenizer_default"
        case chatml
        case alpaca
    }

    public enum Adapter: String, Sendable, CaseIterable {
        case lora
        /// LoRA on a base whose projections are rounded to NF4 first.
        case qlora
    }

    public struct Dataset: Sendable, Equatable {
        public var path: URL
        public var type: DatasetType

        public init(path: URL, type: DatasetType) {
            self.path = path
            self.type = type
        }
    }

    public var baseModel: URL
    public var datasets: [Dataset]
    public var chatTemplate: TemplateChoice = .tokenizerDefault
    public var adapter: Adapter = .lora
    public var loraR = 8
    public var loraAlpha: Float = 16
    public var loraDropout: Float = 0
    /// Nil: the architecture's usual choice (GPT-2 `c_attn`; Llama `q_proj`, `v_proj`).
    public var loraTargetModules: [String]?
    /// Longest example in tokens; longer ones are dropped and counted. Nil: the model's context.
    public var sequenceLen: Int?
    public var microBatchSize = 8
    public var numEpochs: Double = 1
    /// Overrides `num_epochs` when given.
    public var maxSteps: Int?
    public var learningRate: Float = 2e-4
    public var warmupSteps = 10
    public var weightDecay: Float = 0
    /// Share of the examples held out to report a validation loss (0: none).
    public var valSetSize: Double = 0
    /// False (the default): the loss counts response tokens only, the prompt is masked.
    public var trainOnInputs = false
    public var seed: UInt64 = 42
    public var outputDir: URL
    /// The recipe file's path, for error messages.
    public var source = "recipe"

    public init(baseModel: URL, datasets: [Dataset], outputDir: URL) {
        self.baseModel = baseModel
        self.datasets = datasets
        self.outputDir = outputDir
    }

    /// Optimizer steps for `trainingExamples` examples: `max_steps`, or enough batches to show
    /// each example `num_epochs` times on average (batches are drawn at random, with replacement).
    public func steps(trainingExamples: Int) -> Int {
        if let maxSteps { return maxSteps }
        return max(1, Int((numEpochs * Double(trainingExamples) / Double(microBatchSize)).rounded(.up)))
    }
}
