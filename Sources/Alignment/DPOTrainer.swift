import Autograd
import NeuralNets
import Tensors
import Transformers

/// Direct Preference Optimization on a set of preference pairs.
///
/// The reference model is the policy as it is when training starts, frozen: its log-probabilities
/// of every pair are computed once, up front, and never change (with LoRA this is exactly
/// "the base model with the adapters switched off", as TRL does with PEFT models).
///
/// ```swift
/// let dpo = DPOTrainer(model: lora.model, pairs: train, settings: .init(steps: 100, beta: 0.1))
/// for _ in 0..<100 { let stats = dpo.step(); print(stats.loss, stats.rewardAccuracy) }
/// dpo.preferenceAccuracy(heldOut)   // share of pairs where log π(chosen) > log π(rejected)
/// ```
public final class DPOTrainer {
    public struct Settings: Sendable {
        public var steps: Int
        public var batchSize: Int
        public var learningRate: Float
        public var beta: Double
        public var lossType: DPOLossType
        /// Weight of an added negative log-likelihood of the chosen responses per token (TRL's
        /// `rpo_alpha`, Pang et al. 2024): keeps the chosen answers likely while the margin grows.
        public var chosenNLLWeight: Double
        public var seed: UInt64

        public init(steps: Int, batchSize: Int = 8, learningRate: Float = 1e-3, beta: Double = 0.1,
                    lossType: DPOLossType = .sigmoid(), chosenNLLWeight: Double = 0, seed: UInt64 = 1) {
            self.chosenNLLWeight = chosenNLLWeight
            self.steps = steps
            self.batchSize = batchSize
            self.learningRate = learningRate
            self.beta = beta
            self.lossType = lossType
            self.seed = seed
        }
    }

    public let model: any LanguageModel
    public let pairs: [PreferencePair]
    public let settings: Settings
    /// The frozen reference's `(log π_ref(chosen), log π_ref(rejected))` per pair.
    public let referenceLogProbabilities: [(chosen: Double, rejected: Double)]
    let optimizer: Adam
    var rng: SplitMix64
    public private(set) var history: [DPOStatistics] = []

    public init(model: any LanguageModel, pairs: [PreferencePair], settings: Settings) {
        precondition(!pairs.isEmpty, "DPOTrainer: no preference pairs")
        self.model = model
        self.pairs = pairs
        self.settings = settings
        model.setTraining(false)
        referenceLogProbabilities = pairLogProbabilities(model, pairs)
        optimizer = Adam.adamW(model.trainableParameters(), learningRate: settings.learningRate, weightDecay: 0)
        rng = SplitMix64(seed: settings.seed)
    }

    // ANCHOR: dpo-step
    /// One optimizer step on a random batch of pairs; returns the batch's loss, rewards and accuracy.
    @discardableResult
    public func step() -> DPOStatistics {
        let indices = (0..<settings.batchSize).map { _ in rng.nextInt(below: pairs.count) }
        let batch = indices.map { pairs[$0] }
        // Chosen and rejected responses go through the model in one padded batch.
        let logps = responseLogProbabilities(model, batch.map { PromptResponse(prompt: $0.prompt, response: $0.chosen) }
                                                   + batch.map { PromptResponse(prompt: $0.prompt, response: $0.rejected) })
        let (loss, statistics) = dpoLoss(
            policyChosen: logps.slice(0..<batch.count), policyRejected: logps.slice(batch.count..<(2 * batch.count)),
            referenceChosen: indices.map { referenceLogProbabilities[$0].chosen },
            referenceRejected: indices.map { referenceLogProbabilities[$0].rejected },
            beta: settings.beta, type: settings.lossType)
        var total = loss
        if settings.chosenNLLWeight > 0 {
            let tokens = Float(batch.reduce(0) { $0 + $1.chosen.count })
            total = loss + logps.slice(0..<batch.count).sum() * Float(-settings.chosenNLLWeight / Double(tokens))
        }
        optimizer.zeroGrad()
        total.backward()
        _ = clipGradientNorm(optimizer.parameters, maxNorm: 1)
        optimizer.step()
        history.append(statistics)
        return statistics
    }
    // ANCHOR_END: dpo-step

    /// Share of `pairs` whose chosen response the current policy finds more likely than the rejected one.
    public func preferenceAccuracy(_ pairs: [PreferencePair]) -> Double {
        preferenceAccuracyOf(model, pairs)
    }
}

/// `(log π(chosen), log π(rejected))` for each pair, without gradients, in batches of 32.
public func pairLogProbabilities(_ model: any LanguageModel, _ pairs: [PreferencePair]) -> [(chosen: Double, rejected: Double)] {
    withNoGrad {
        stride(from: 0, to: pairs.count, by: 32).flatMap { start -> [(chosen: Double, rejected: Double)] in
            let batch = Array(pairs[start..<min(start + 32, pairs.count)])
            let values = responseLogProbabilities(model, batch.map { PromptResponse(prompt: $0.prompt, response: $0.chosen) }
                                                      + batch.map { PromptResponse(prompt: $0.prompt, response: $0.rejected) }).value.scalars
            return (0..<batch.count).map { (Double(values[$0]), Double(values[batch.count + $0])) }
        }
    }
}

/// Share of pairs where `model` gives the chosen response a higher log-probability than the rejected one.
public func preferenceAccuracyOf(_ model: any LanguageModel, _ pairs: [PreferencePair]) -> Double {
    let values = pairLogProbabilities(model, pairs)
    return pairs.isEmpty ? 0 : Double(values.filter { $0.chosen > $0.rejected }.count) / Double(pairs.count)
}
