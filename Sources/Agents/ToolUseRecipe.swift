import Transformers

/// Everything decided before training a tiny GPT to call tools: the problems, the character
/// vocabulary, the model's shape and the number of steps, for the full run and a quick one.
///
/// The training set mixes two kinds of trace: every problem with `Tools: calc lookup`, calling
/// the tools, and one problem in three also with `Tools: none`, answering at once. The same model can then
/// be measured both ways, and the only difference is whether it may call a tool.
///
/// ```swift
/// let recipe = ToolUseRecipe(seed: 42, quick: true)
/// let model = recipe.makeModel()
/// let trainer = recipe.trainer(for: model)
/// for _ in 0..<recipe.steps { trainer.step() }
/// ```
public struct ToolUseRecipe: Sendable {
    public let seed: UInt64
    public let quick: Bool

    public init(seed: UInt64, quick: Bool, steps: Int? = nil) {
        self.seed = seed
        self.quick = quick
        self.steps = steps ?? (quick ? 100 : 1_200)
    }

    public var trainingProblemCount: Int { quick ? 600 : 6_000 }
    public var heldOutProblemCount: Int { quick ? 10 : 100 }
    /// Optimizer steps (1,200 for the full run, 100 for the quick one, unless given).
    public let steps: Int
    /// One problem in this many also gets a trace without tools.
    public var directShare: Int { 3 }
    public var batchSize: Int { 16 }
    public var learningRate: Float { 3e-3 }

    /// Every character a trace can hold; anything else is the unknown symbol.
    public static let alphabet = " \n()*+-./:?[]0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,\"'"

    public var vocabulary: CharacterVocabulary {
        CharacterVocabulary(characters: [CharacterVocabulary.unknown] + Array(Self.alphabet))
    }

    public var world: WordProblemWorld { WordProblemWorld(seed: seed) }

    /// 2 layers, 4 heads of 16 dimensions, width 64; 192 characters fit the longest trace.
    public var config: GPT2Config {
        GPT2Config(vocabularySize: vocabulary.count, contextLength: 192, embeddingSize: 64, layerCount: 2, headCount: 4)
    }

    public func makeModel() -> GPT2Model { GPT2Model(config: config, seed: seed &+ 1) }

    public var trainingProblems: [WordProblem] { world.problems(count: trainingProblemCount, seed: seed &+ 2) }

    /// Problems drawn with another seed, none of whose questions is in the training set.
    public var heldOutProblems: [WordProblem] {
        let seen = Set(trainingProblems.map(\.question))
        return Array(world.problems(count: heldOutProblemCount * 2, seed: seed &+ 3).filter { !seen.contains($0.question) }
            .prefix(heldOutProblemCount))
    }

    /// Every training problem's trace with tools, and for one problem in ``directShare`` also the
    /// trace that answers at once, masked for training.
    public var trainingTraces: [MaskedTrace] {
        let toolbox = world.toolbox, vocabulary = vocabulary
        return trainingProblems.enumerated().flatMap { index, problem in
            (index % directShare == 0 ? [true, false] : [true])
                .map { MaskedTrace(trace: problem.trace(tools: $0, toolbox: toolbox), vocabulary: vocabulary) }
        }
    }

    public func trainer(for model: GPT2Model) -> TraceTrainer {
        TraceTrainer(model: model, traces: trainingTraces, steps: steps, batchSize: batchSize,
                     learningRate: learningRate, seed: seed &+ 4)
    }

    /// The loop around `model`: the world's tools, at most 4 steps.
    public func loop(_ model: GPT2Model, maxSteps: Int = 4) -> AgentLoop {
        AgentLoop(model: LocalAgentModel(model: model, vocabulary: vocabulary), toolbox: world.toolbox, maxSteps: maxSteps)
    }
}
