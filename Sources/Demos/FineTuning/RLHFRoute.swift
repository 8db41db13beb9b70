import Foundation
import Alignment
import Autograd
import Figures
import FineTuning
import Tensors
import Transformers

/// The second half of `llmcourse run dpo`: the RLHF route on the same pairs. A reward model
/// learns to rank them (Bradley–Terry), picks the best of n samples at inference, and then
/// drives a short REINFORCE loop with a KL penalty to the SFT model.
enum RLHFRoute {
    static func run(_ context: DemoContext, _ setup: DPODemo.Setup) throws -> [DPODemo.Outcome] {
        let lab = setup.lab
        context.heading(context.tr("The RLHF route, step 1: a reward model on the same pairs"))
        // The SFT model with a scalar head: the reward is a linear function of the last hidden state.
        let rewardModel = RewardModel(backbone: try lab.copy(of: setup.sft), scoreToken: lab.tokenizer.id("<|endoftext|>")!,
                                      pooling: .responseMean,
                                      learningRate: 1e-3, seed: context.seed)
        let rmSteps = context.quick ? 3 : 150
        let rmTraining = context.progress("training the reward model", total: rmSteps)
        let (rmLog, rmSeconds) = context.timed { (0..<rmSteps).map { _ in
            defer { rmTraining.advance() }
            return rewardModel.step(on: setup.train.pairs, batchSize: 16)
        } }
        rmTraining.finish()
        let every = max(1, rmSteps / 5)
        context.table(["step", "Bradley–Terry loss", "batch accuracy"].map { context.tr($0) }, rmLog.enumerated().filter { $0.offset % every == 0 || $0.offset == rmSteps - 1 }.map {
            ["\($0.offset)", fixed($0.element.loss, 4), percent($0.element.accuracy)]
        })
        let rmAccuracy = rewardModel.accuracy(setup.heldOutPairs)
        context.print(context.tr("{0} steps in {1} s; held-out pairs ranked the right way round: {2}", "\(rmSteps)", String(format: "%.0f", rmSeconds),
                                 percent(rmAccuracy)))

        context.heading(context.tr("Step 2a: best-of-n at inference"))
        let n = 4
        let temperature: Float = 0.7
        var sampleRng = SplitMix64(seed: context.seed &+ 99)
        /// Exact match of one sample and of the reward model's pick among `n`, on `questions`.
        func bestOfN(_ questions: [TokenizedExample]) -> (single: Double, best: Double) {
            var single = 0, best = 0
            for question in questions {
                let candidates = (0..<n).map { _ in
                    sampleResponse(setup.sft, prompt: question.prompt, endOfTurn: lab.endOfTurn, temperature: temperature, rng: &sampleRng)
                }
                // An answer cut off before its end-of-turn token is invalid whatever the reward model says: a
                // rule checked before the learned score, as real pipelines filter malformed output first.
                let scores = zip(candidates, rewardModel.scores(candidates.map { PromptResponse(prompt: question.prompt, response: $0) }))
                    .map { $0.last == lab.endOfTurn ? $1 : -Double.infinity }
                if candidates[0] == question.response { single += 1 }
                if candidates[scores.indices.max { scores[$0] < scores[$1] }!] == question.response { best += 1 }
            }
            let total = Double(max(questions.count, 1))
            return (Double(single) / total, Double(best) / total)
        }
        let ((heldOutPick, trainedPick), bonSeconds) = context.timed {
            (bestOfN(setup.heldOutQuestions), bestOfN(setup.trainQuestions.map(\.tokens)))
        }
        context.table(["exact match", "held-out questions", "questions the reward model trained on"].map { context.tr($0) }, [
            [context.tr("SFT, greedy"), percent(setup.sftExactMatch), percent(setup.sftTrainedExactMatch)],
            [context.tr("SFT, one sample (T = {0})", "\(temperature)"), percent(heldOutPick.single), percent(trainedPick.single)],
            [context.tr("SFT, best of {0} samples by the reward model", "\(n)"), percent(heldOutPick.best), percent(trainedPick.best)],
        ])

        context.heading(context.tr("Step 2b: reinforcement learning against the reward model"))
        let policy = try lab.copy(of: setup.sft)
        _ = LoRAModel(wrapping: policy, configuration: .init(rank: 8, alpha: 16, targetModules: ["c_attn", "c_proj", "c_fc"], seed: context.seed))
        let steps = context.quick ? 2 : 60
        let settings = ReinforceTrainer.Settings(steps: steps, promptsPerStep: 8, samplesPerPrompt: 4,
                                                 learningRate: 5e-4, klCoefficient: 1.0, seed: context.seed)
        let (rl, rlSeconds) = context.timed { () -> ReinforceTrainer in
            let rl = ReinforceTrainer(policy: policy, reference: setup.sft, prompts: setup.trainQuestions.map(\.tokens.prompt),
                                      endOfTurn: lab.endOfTurn, reward: rewardModel.scores, settings: settings)
            let training = context.progress("REINFORCE", total: steps)
            defer { training.finish() }
            for _ in 0..<steps { rl.step(); training.advance() }
            return rl
        }
        let rlEvery = max(1, steps / 6)
        context.table(["step", "reward r(x, y)", "KL(π ‖ π_ref)", "r − β·KL"].map { context.tr($0) },
                      rl.history.enumerated().filter { $0.offset % rlEvery == 0 || $0.offset == steps - 1 }.map { step, s in
            ["\(step)", fixed(s.reward, 3), fixed(s.kl, 3), fixed(s.objective, 3)]
        })
        let rlExact = exactMatch(policy, setup.heldOutQuestions, endOfTurn: lab.endOfTurn)
        let rlTrainedExact = exactMatch(policy, setup.trainQuestions.map(\.tokens), endOfTurn: lab.endOfTurn)
        let rlPreference = preferenceAccuracyOf(policy, setup.heldOutPairs)
        context.print(context.tr("{0} REINFORCE steps of {1}×{2} samples (β = {3}) in {4} s: exact match {5} → {6} on held-out questions, "
                                 + "{7} → {8} on the training prompts",
                                 "\(steps)", "\(settings.promptsPerStep)", "\(settings.samplesPerPrompt)", "\(settings.klCoefficient)",
                                 String(format: "%.0f", rlSeconds), percent(setup.sftExactMatch), percent(rlExact),
                                 percent(setup.sftTrainedExactMatch), percent(rlTrainedExact)))
        var plot = LinePlot(title: context.tr("REINFORCE: mean reward and KL to the reference per step"), xLabel: context.tr("step"),
                            yLabel: context.tr("nats / reward"))
        plot.add(context.tr("reward"), ys: SFTLoRADemo.smoothed(rl.history.map(\.reward)))
        plot.add("KL", ys: SFTLoRADemo.smoothed(rl.history.map(\.kl)))
        try context.show("reinforce", plot)

        return [
            .init(method: context.tr("SFT + best of {0} (reward model)", "\(n)"), preferenceAccuracy: nil, heldOutExact: heldOutPick.best,
                  trainedExact: trainedPick.best, seconds: rmSeconds + bonSeconds, cost: context.tr("reward model, {0}× sampling per answer", "\(n)")),
            .init(method: context.tr("RLHF: reward model + REINFORCE"), preferenceAccuracy: rlPreference, heldOutExact: rlExact, trainedExact: rlTrainedExact,
                  seconds: rmSeconds + rlSeconds, cost: context.tr("reward model, sampling in the loop")),
        ]
    }
}
