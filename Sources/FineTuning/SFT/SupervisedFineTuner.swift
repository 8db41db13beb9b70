import Autograd
import NeuralNets
import Tensors
import Transformers

/// A tokenized training example: prompt ids and response ids (the response ends with the
/// template's end-of-turn token).
public struct TokenizedExample: Sendable, Equatable {
    public var prompt: [Int]
    public var response: [Int]

    public init(prompt: [Int], response: [Int]) {
        self.prompt = prompt
        self.response = response
    }
}

/// Supervised fine-tuning: next-token cross-entropy on the response tokens only.
///
/// ```
/// ids     = prompt ++ response ++ padding            [B, T]
/// targets = ids shifted left, with prompt and padding positions set to ignore (−100)
/// loss    = mean over response tokens of −log p(target)
/// ```
/// Trains whatever in the model is trainable: every parameter (full fine-tuning) or only the
/// adapters of a ``LoRAModel``.
///
/// ```swift
/// let tuner = SupervisedFineTuner(model: model, examples: train, settings: .init(steps: 300))
/// for _ in 0..<300 { tuner.step() }
/// ```
public final class SupervisedFineTuner {
    public struct Settings: Sendable {
        public var steps: Int
        public var batchSize: Int
        public var learningRate: Float
        public var warmupSteps: Int
        public var weightDecay: Float
        public var seed: UInt64

        public init(steps: Int, batchSize: Int = 16, learningRate: Float = 1e-3, warmupSteps: Int = 20,
                    weightDecay: Float = 0, seed: UInt64 = 1) {
            self.steps = steps
            self.batchSize = batchSize
            self.learningRate = learningRate
            self.warmupSteps = warmupSteps
            self.weightDecay = weightDecay
            self.seed = seed
        }
    }

    public let model: any LanguageModel
    public let examples: [TokenizedExample]
    public let settings: Settings
    let optimizer: Adam
    let schedule: WarmupCosineSchedule
    var rng: SplitMix64
    public private(set) var stepCount = 0

    public init(model: any LanguageModel, examples: [TokenizedExample], settings: Settings) {
        precondition(!examples.isEmpty, "SupervisedFineTuner: no examples")
        self.model = model
        self.examples = examples
        self.settings = settings
        optimizer = Adam.adamW(model.trainableParameters(), learningRate: settings.learningRate, weightDecay: settings.weightDecay)
        // A run shorter than the warm-up (a quick trial) warms up over all of its steps.
        schedule = WarmupCosineSchedule(peak: settings.learningRate, warmupSteps: min(settings.warmupSteps, settings.steps),
                                        totalSteps: settings.steps, floor: settings.learningRate / 10)
        rng = SplitMix64(seed: settings.seed)
    }

    // ANCHOR: masked-batch
    /// Right-padded ids and targets in which only response tokens count.
    public static func batch(_ examples: [TokenizedExample], padding: Int = 0) -> (ids: [Int], targets: [Int], length: Int) {
        let length = examples.map { $0.prompt.count + $0.response.count }.max() ?? 0
        var ids: [Int] = [], targets: [Int] = []
        for example in examples {
            let sequence = example.prompt + example.response
            ids += sequence + Array(repeating: padding, count: length - sequence.count)
            for t in 0..<length {
                let predictsResponse = t + 1 >= example.prompt.count && t + 1 < sequence.count
                targets.append(predictsResponse ? sequence[t + 1] : ignoredTargetIndex)
            }
        }
        return (ids, targets, length)
    }
    // ANCHOR_END: masked-batch

    /// One optimizer step on a random batch; returns its loss (mean over response tokens).
    @discardableResult
    public func step() -> Float {
        let chosen = (0..<settings.batchSize).map { _ in examples[rng.nextInt(below: examples.count)] }
        let (ids, targets, _) = Self.batch(chosen)
        model.setTraining(true)
        let logits = model.logits(ids, batchSize: chosen.count, cache: nil)
        let loss = crossEntropy(logits, targets: targets, ignoreIndex: ignoredTargetIndex)
        optimizer.zeroGrad()
        loss.backward()
        _ = clipGradientNorm(optimizer.parameters, maxNorm: 1)
        optimizer.learningRate = schedule.learningRate(at: stepCount)
        optimizer.step()
        stepCount += 1
        model.setTraining(false)
        return loss.value.scalar
    }
}

/// Target value that `crossEntropy` skips (PyTorch's default `ignore_index`).
public let ignoredTargetIndex = -100

/// Share of examples whose greedy answer (up to `endOfTurn`) equals the expected response exactly.
public func exactMatch(_ model: any LanguageModel, _ examples: [TokenizedExample], endOfTurn: Int, maxNewTokens: Int = 8) -> Double {
    model.setTraining(false)
    let correct = examples.filter { example in
        let output = greedyDecode(model, prompt: example.prompt, maxNewTokens: maxNewTokens, stopAt: endOfTurn)
        return Array(output[example.prompt.count...]) == example.response
    }.count
    return examples.isEmpty ? 0 : Double(correct) / Double(examples.count)
}
