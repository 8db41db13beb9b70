import Foundation
import Autograd
import NeuralNets
import Tensors

/// Next-token pre-training: cut random windows from a token stream, predict every next token,
/// minimize cross-entropy with AdamW under a warm-up + cosine schedule.
///
/// For a window `x[0…T]`, the inputs are `x[0..<T]` and the targets `x[1…T]`; the loss is the
/// mean of `−log p(target)` over all `B·T` positions, and `exp(loss)` is the perplexity.
///
/// ```swift
/// let trainer = PreTrainer(model: model, tokens: ids, settings: .init(steps: 2000))
/// for _ in 0..<2000 { let loss = trainer.step() }
/// ```
public final class PreTrainer {
    public struct Settings: Sendable {
        public var steps: Int
        public var batchSize: Int
        /// Tokens per window (T).
        public var windowLength: Int
        public var peakLearningRate: Float
        public var warmupSteps: Int
        public var weightDecay: Float
        public var gradientClip: Float
        public var seed: UInt64

        public init(steps: Int, batchSize: Int = 16, windowLength: Int = 48, peakLearningRate: Float = 3e-3,
                    warmupSteps: Int = 100, weightDecay: Float = 0.01, gradientClip: Float = 1, seed: UInt64 = 1) {
            self.steps = steps
            self.batchSize = batchSize
            self.windowLength = windowLength
            self.peakLearningRate = peakLearningRate
            self.warmupSteps = warmupSteps
            self.weightDecay = weightDecay
            self.gradientClip = gradientClip
            self.seed = seed
        }
    }

    public let model: any LanguageModel
    public let tokens: [Int]
    public let settings: Settings
    let optimizer: Adam
    let schedule: WarmupCosineSchedule
    var rng: SplitMix64
    public private(set) var stepCount = 0

    public init(model: any LanguageModel, tokens: [Int], settings: Settings) {
        precondition(tokens.count > settings.windowLength + 1,
                     "PreTrainer: \(tokens.count) tokens cannot fill a window of \(settings.windowLength)")
        self.model = model
        self.tokens = tokens
        self.settings = settings
        optimizer = Adam.adamW(model.trainableParameters(), learningRate: settings.peakLearningRate,
                               weightDecay: settings.weightDecay)
        schedule = WarmupCosineSchedule(peak: settings.peakLearningRate, warmupSteps: settings.warmupSteps,
                                        totalSteps: settings.steps, floor: settings.peakLearningRate / 10)
        rng = SplitMix64(seed: settings.seed)
    }

    // ANCHOR: step
    /// One optimizer step on a fresh random batch; returns the batch's mean loss.
    @discardableResult
    public func step() -> Float {
        let (b, t) = (settings.batchSize, settings.windowLength)
        var inputs: [Int] = [], targets: [Int] = []
        for _ in 0..<b {
            let start = rng.nextInt(below: tokens.count - t - 1)
            inputs += tokens[start..<(start + t)]          // x[0..<T]
            targets += tokens[(start + 1)...(start + t)]   // x[1…T]
        }
        model.setTraining(true)
        let logits = model.logits(inputs, batchSize: b, cache: nil)  // [B, T, V]
        let loss = crossEntropy(logits, targets: targets)
        optimizer.zeroGrad()
        loss.backward()
        _ = clipGradientNorm(optimizer.parameters, maxNorm: settings.gradientClip)
        optimizer.learningRate = schedule.learningRate(at: stepCount)
        optimizer.step()
        stepCount += 1
        return loss.value.scalar
    }
    // ANCHOR_END: step

    /// Mean next-token loss over consecutive windows of `tokens` (no training).
    public func evaluationLoss(_ tokens: [Int], windows: Int = 16) -> Float {
        let t = settings.windowLength
        var total: Float = 0, count = 0
        withNoGrad {
            var start = 0
            while start + t + 1 <= tokens.count && count < windows {
                let logits = model.logits(Array(tokens[start..<(start + t)]), batchSize: 1, cache: nil)
                total += crossEntropy(logits, targets: Array(tokens[(start + 1)...(start + t)])).value.scalar
                count += 1
                start += t
            }
        }
        return count == 0 ? .nan : total / Float(count)
    }
}

/// Share of `problems` the model completes exactly: the prompt `"a+b="` in the corpus's notation,
/// greedy tokens up to the newline, compared with the true sum.
public func additionAccuracy(_ model: any LanguageModel, tokenizer: BytePairTokenizer, problems: [(Int, Int)],
                             corpus: AdditionCorpus = AdditionCorpus()) -> Double {
    let newline = tokenizer.encode("\n")
    var correct = 0
    for (a, b) in problems {
        let (text, expected) = corpus.format(a, b)
        let prompt = tokenizer.encode(text)
        let ids = greedyDecode(model, prompt: prompt, maxNewTokens: 8, stopAt: newline.count == 1 ? newline[0] : nil)
        let answer = tokenizer.decode(Array(ids[prompt.count...])).trimmingCharacters(in: .whitespacesAndNewlines)
        if answer == expected { correct += 1 }
    }
    return problems.isEmpty ? 0 : Double(correct) / Double(problems.count)
}
