import Autograd
import NeuralNets
import Tensors
import Transformers

/// A training trace as token ids with a flag per token: true where the model wrote it (an
/// `Action:` or `Answer:` line), false where the prompt or a tool did.
public struct MaskedTrace: Sendable, Equatable {
    public var ids: [Int]
    public var trained: [Bool]

    // ANCHOR: mask
    /// Tokenizes a ReAct trace line by line; only `Action:`, `Thought:` and `Answer:` lines
    /// (with their newline) are the model's own. The prompt is given, and an `Observation:`
    /// line is the tool's: a model trained to predict observations would learn to invent tool
    /// output instead of waiting for it.
    public init(trace: String, vocabulary: CharacterVocabulary) {
        ids = []
        trained = []
        for line in trace.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let own = [ReAct.action, ReAct.thought, ReAct.answer].contains { line.hasPrefix($0) }
            let lineIDs = vocabulary.encode(String(line) + "\n")
            ids += lineIDs
            trained += Array(repeating: own, count: lineIDs.count)
        }
    }
    // ANCHOR_END: mask
}

/// Next-token training on traces with the loss on the model's own tokens only.
///
/// ```
/// ids     = trace ++ padding                                  [B, T]
/// targets = ids shifted left; −100 (ignored) where the next token is the prompt's, a tool's,
///           or padding
/// loss    = mean over the model's tokens of −log p(target)
/// ```
/// AdamW with linear warm-up and cosine decay, gradients clipped at norm 1.
public final class TraceTrainer {
    public let model: any LanguageModel
    public let traces: [MaskedTrace]
    public let steps: Int
    public let batchSize: Int
    let optimizer: Adam
    let schedule: WarmupCosineSchedule
    var rng: SplitMix64
    public private(set) var stepCount = 0

    public init(model: any LanguageModel, traces: [MaskedTrace], steps: Int, batchSize: Int = 16,
                learningRate: Float = 3e-3, seed: UInt64 = 1) {
        precondition(!traces.isEmpty, "TraceTrainer: no traces")
        self.model = model
        self.traces = traces
        self.steps = steps
        self.batchSize = batchSize
        optimizer = Adam.adamW(model.trainableParameters(), learningRate: learningRate, weightDecay: 0.01)
        schedule = WarmupCosineSchedule(peak: learningRate, warmupSteps: min(30, steps), totalSteps: steps, floor: learningRate / 10)
        rng = SplitMix64(seed: seed)
    }

    /// Right-padded ids and their targets: `targets[t] = ids[t+1]` where token `t+1` is the
    /// model's own, `ignoredTarget` elsewhere. Traces longer than the context are cut.
    public static func batch(_ traces: [MaskedTrace], contextLength: Int) -> (ids: [Int], targets: [Int], length: Int) {
        let length = min(contextLength, traces.map(\.ids.count).max() ?? 0)
        var ids: [Int] = [], targets: [Int] = []
        for trace in traces {
            let n = min(trace.ids.count, length)
            ids += trace.ids[..<n] + Array(repeating: 0, count: length - n)
            for t in 0..<length {
                targets.append(t + 1 < n && trace.trained[t + 1] ? trace.ids[t + 1] : ignoredTarget)
            }
        }
        return (ids, targets, length)
    }

    /// The target value the loss skips.
    public static let ignoredTarget = -100

    /// One optimizer step on a random batch; returns its loss.
    @discardableResult
    public func step() -> Float {
        let chosen = (0..<batchSize).map { _ in traces[rng.nextInt(below: traces.count)] }
        let (ids, targets, _) = Self.batch(chosen, contextLength: model.contextLength)
        model.setTraining(true)
        let logits = model.logits(ids, batchSize: chosen.count, cache: nil)
        let loss = crossEntropy(logits, targets: targets, ignoreIndex: Self.ignoredTarget)
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
