import Autograd
import NeuralNets
import Tensors
import Transformers

/// The reinforcement-learning step of RLHF in its smallest readable form: REINFORCE with a
/// leave-one-out baseline and a KL penalty to the frozen reference (no value network, no
/// clipping — PPO adds those to reuse each batch of samples for several updates safely).
///
/// One step:
/// 1. sample `samplesPerPrompt` answers for each of `promptsPerStep` prompts from the policy;
/// 2. score every answer with the reward model: `r(x, y)`;
/// 3. fold in the KL penalty: `R = r − β·(log π(y|x) − log π_ref(y|x))`;
/// 4. advantage `A = R − mean of the other answers' R` to the same prompt;
/// 5. one optimizer step on `−mean(A · log π(y|x))`.
///
/// ```swift
/// let rl = ReinforceTrainer(policy: lora.model, reference: sft, prompts: prompts, endOfTurn: eot,
///                           reward: { items in rewardModel.scores(items) }, settings: .init(steps: 60))
/// for _ in 0..<60 { let s = rl.step(); print(s.reward, s.kl) }
/// ```
public final class ReinforceTrainer {
    public struct Settings: Sendable {
        public var steps: Int
        public var promptsPerStep: Int
        public var samplesPerPrompt: Int
        public var learningRate: Float
        /// β of the KL penalty: how much reward one nat of drift from the reference costs.
        public var klCoefficient: Double
        public var maxNewTokens: Int
        public var seed: UInt64

        public init(steps: Int, promptsPerStep: Int = 8, samplesPerPrompt: Int = 4, learningRate: Float = 3e-3,
                    klCoefficient: Double = 0.1, maxNewTokens: Int = 8, seed: UInt64 = 1) {
            self.steps = steps
            self.promptsPerStep = promptsPerStep
            self.samplesPerPrompt = samplesPerPrompt
            self.learningRate = learningRate
            self.klCoefficient = klCoefficient
            self.maxNewTokens = maxNewTokens
            self.seed = seed
        }
    }

    /// What one step saw, averaged over its samples.
    public struct Statistics: Sendable, Equatable {
        /// Mean reward-model score `r(x, y)` of the sampled answers.
        public var reward: Double
        /// Mean `log π(y|x) − log π_ref(y|x)`: a Monte-Carlo estimate of `KL(π ‖ π_ref)` in nats.
        public var kl: Double
        /// Mean penalized reward `r − β·KL`, the quantity the step climbs.
        public var objective: Double
    }

    public let policy: any LanguageModel
    public let reference: any LanguageModel
    public let prompts: [[Int]]
    public let endOfTurn: Int
    public let reward: ([PromptResponse]) -> [Double]
    public let settings: Settings
    let optimizer: Adam
    var rng: SplitMix64
    public private(set) var history: [Statistics] = []

    public init(policy: any LanguageModel, reference: any LanguageModel, prompts: [[Int]], endOfTurn: Int,
                reward: @escaping ([PromptResponse]) -> [Double], settings: Settings) {
        precondition(!prompts.isEmpty, "ReinforceTrainer: no prompts")
        self.policy = policy
        self.reference = reference
        self.prompts = prompts
        self.endOfTurn = endOfTurn
        self.reward = reward
        self.settings = settings
        policy.setTraining(false)
        reference.setTraining(false)
        optimizer = Adam.adamW(policy.trainableParameters(), learningRate: settings.learningRate, weightDecay: 0)
        rng = SplitMix64(seed: settings.seed)
    }

    // ANCHOR: reinforce-step
    /// Samples, scores and updates once; returns the batch's mean reward, KL and objective.
    @discardableResult
    public func step() -> Statistics {
        let group = settings.samplesPerPrompt
        var items: [PromptResponse] = []
        for _ in 0..<settings.promptsPerStep {
            let prompt = prompts[rng.nextInt(below: prompts.count)]
            for _ in 0..<group {
                // Temperature 1: the estimate needs samples from π itself, not a sharpened copy.
                let answer = sampleResponse(policy, prompt: prompt, endOfTurn: endOfTurn,
                                            maxNewTokens: settings.maxNewTokens, temperature: 1, rng: &rng)
                items.append(PromptResponse(prompt: prompt, response: answer))
            }
        }
        let scores = reward(items)                                                    // r(x, y), constants
        let referenceLogps = withNoGrad { responseLogProbabilities(reference, items).value.scalars }
        let policyLogps = responseLogProbabilities(policy, items)                     // [N], differentiable
        var kls: [Double] = [], penalized: [Double] = []
        for i in items.indices {
            let kl = Double(policyLogps.value.scalars[i]) - Double(referenceLogps[i])
            kls.append(kl)
            penalized.append(scores[i] - PolicyGradient.klPenalty(policy: Double(policyLogps.value.scalars[i]),
                                                                  reference: Double(referenceLogps[i]),
                                                                  coefficient: settings.klCoefficient))
        }
        let advantages = PolicyGradient.leaveOneOutAdvantages(penalized, groupSize: group)
        let loss = PolicyGradient.reinforceLoss(logProbabilities: policyLogps, advantages: advantages)
        optimizer.zeroGrad()
        loss.backward()
        _ = clipGradientNorm(optimizer.parameters, maxNorm: 1)
        optimizer.step()
        let n = Double(items.count)
        let statistics = Statistics(reward: scores.reduce(0, +) / n, kl: kls.reduce(0, +) / n, objective: penalized.reduce(0, +) / n)
        history.append(statistics)
        return statistics
    }
    // ANCHOR_END: reinforce-step
}
