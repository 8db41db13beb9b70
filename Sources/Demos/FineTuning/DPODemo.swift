import Foundation
import Alignment
import Autograd
import Figures
import FineTuning
import Tensors
import Transformers

/// `llmcourse run dpo`: a briefly fine-tuned tiny GPT, preference pairs built from its own
/// mistakes, DPO with LoRA against the frozen SFT model, then the RLHF route on the same pairs
/// (reward model, best-of-n, REINFORCE with a KL penalty) and a table comparing the routes.
enum DPODemo {
    static let demo = Demo(
        id: "dpo",
        summary: "DPO vs the RLHF route on preference pairs from the model's own mistakes: preference accuracy and exact match before/after",
        inputs: ["Sources/Alignment", "Sources/FineTuning", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    /// What each route achieved, for the closing comparison.
    struct Outcome {
        let method: String
        let preferenceAccuracy: Double?
        /// Exact match on the held-out questions and on the questions preference training used.
        let heldOutExact: Double
        let trainedExact: Double
        let seconds: Double
        let cost: String
    }

    /// Everything the routes share: the SFT model (also the frozen reference), the pairs and the held-out questions.
    struct Setup {
        let lab: FineTuningLab
        let sft: GPT2Model
        let trainQuestions: [PreferenceSet.Question]
        let train: PreferenceSet
        let heldOutPairs: [PreferencePair]
        let heldOutQuestions: [TokenizedExample]
        let sftExactMatch: Double
        let sftTrainedExactMatch: Double
        let sftPreference: Double
    }

    static func run(_ context: DemoContext) throws {
        let setup = try prepare(context)
        var outcomes = [Outcome(method: context.tr("SFT (the reference)"), preferenceAccuracy: setup.sftPreference,
                                heldOutExact: setup.sftExactMatch, trainedExact: setup.sftTrainedExactMatch, seconds: 0, cost: "—")]
        outcomes.append(try directPreferenceOptimization(context, setup))
        outcomes += try RLHFRoute.run(context, setup)

        context.heading(context.tr("DPO and RLHF side by side (all numbers computed above)"))
        context.table(["method", "held-out pref. acc.", "exact: held-out", "exact: trained", "seconds", "what it needs"].map { context.tr($0) }, outcomes.map {
            [$0.method, $0.preferenceAccuracy.map(percent) ?? "—", percent($0.heldOutExact), percent($0.trainedExact),
             $0.seconds > 0 ? String(format: "%.0f", $0.seconds) : "—", $0.cost]
        })
        context.print(context.tr("held-out pref. acc.: share of held-out pairs where log π(correct) > log π(the SFT model's wrong answer);"))
        context.print(context.tr("exact: the greedy answer (best-of-n: the chosen sample) is the correct one, on the held-out questions and on"))
        context.print(context.tr("the questions whose pairs trained the model."))
    }

    static func prepare(_ context: DemoContext) throws -> Setup {
        let lab = FineTuningLab(context: context)
        var rng = SplitMix64(seed: context.seed &+ 17)
        context.heading(context.tr("Starting point: a briefly fine-tuned model"))
        let base = try lab.pretrainedModel { context.print($0) }
        let (cleaned, _, _, _) = lab.cleanedInstructions(count: 3000)
        let sftSteps = context.quick ? 4 : 200
        let sft = try lab.instructionTunedModel(base: base, examples: try cleaned.map(lab.tokenized), steps: sftSteps)
        context.print(context.tr("SFT: {0} steps of supervised fine-tuning on {1} instructions; this model is also DPO's frozen reference",
                                 "\(sftSteps)", "\(cleaned.count)"))

        context.heading(context.tr("A preference set from the model's own mistakes"))
        // One question per distinct instruction; a fixed third is kept out of preference training.
        var facts = Array(Set(cleaned)).sorted { ($0.task, $0.key, $0.instruction) < ($1.task, $1.key, $1.instruction) }
        if context.quick { facts = facts.enumerated().filter { $0.offset % 8 == 0 }.map(\.element) }
        let questions = try facts.map { PreferenceSet.Question(fact: $0, tokens: try lab.tokenized($0)) }
        let (heldOut, train) = (questions.filter { PreferenceSet.isHeldOut($0.fact) }, questions.filter { !PreferenceSet.isHeldOut($0.fact) })
        let (trainSet, heldOutSet) = try context.timed {
            (try PreferenceSet.build(train, model: sft, lab: lab, samples: 4, rng: &rng),
             try PreferenceSet.build(heldOut, model: sft, lab: lab, samples: 4, rng: &rng))
        }.0
        context.table(["question", "chosen", "rejected (the SFT model's answer)"].map { context.tr($0) }, trainSet.examples.map { [$0.instruction, $0.chosen, $0.rejected] })
        context.print(context.tr("{0} training pairs ({1} with a wrong answer the SFT model gives, {2} with a made-up near miss); "
                                 + "{3} held-out pairs on questions preference training never sees",
                                 "\(trainSet.pairs.count)", "\(trainSet.onPolicy)", "\(trainSet.pairs.count - trainSet.onPolicy)",
                                 "\(heldOutSet.pairs.count)"))
        let heldOutQuestions = heldOut.map(\.tokens)
        let sftExact = exactMatch(sft, heldOutQuestions, endOfTurn: lab.endOfTurn)
        let sftTrainedExact = exactMatch(sft, train.map(\.tokens), endOfTurn: lab.endOfTurn)
        let sftPreference = preferenceAccuracyOf(sft, heldOutSet.pairs)
        context.print(context.tr("SFT on the held-out questions: exact match {0}, preference accuracy {1}", percent(sftExact), percent(sftPreference)))
        return Setup(lab: lab, sft: sft, trainQuestions: train, train: trainSet, heldOutPairs: heldOutSet.pairs,
                     heldOutQuestions: heldOutQuestions, sftExactMatch: sftExact, sftTrainedExactMatch: sftTrainedExact,
                     sftPreference: sftPreference)
    }

    static func directPreferenceOptimization(_ context: DemoContext, _ setup: Setup) throws -> Outcome {
        context.heading(context.tr("DPO with LoRA; the reference is the SFT model, frozen"))
        let policy = try setup.lab.copy(of: setup.sft)
        let lora = LoRAModel(wrapping: policy, configuration: .init(rank: 8, alpha: 16, targetModules: ["c_attn", "c_proj", "c_fc"], seed: context.seed))
        let steps = context.quick ? 3 : 200
        let beta = 0.5
        let settings = DPOTrainer.Settings(steps: steps, batchSize: 16, learningRate: 2e-3, beta: beta,
                                           lossType: .sigmoid(), chosenNLLWeight: 1.0, seed: context.seed)
        let (dpo, seconds) = context.timed { () -> DPOTrainer in
            let dpo = DPOTrainer(model: policy, pairs: setup.train.pairs, settings: settings)
            let training = context.progress("DPO", total: steps)
            defer { training.finish() }
            for _ in 0..<steps { dpo.step(); training.advance() }
            return dpo
        }
        let every = max(1, steps / 6)
        context.table(["step", "loss", "chosen reward", "rejected reward", "margin", "reward acc."].map { context.tr($0) },
                      dpo.history.enumerated().filter { $0.offset % every == 0 || $0.offset == steps - 1 }.map { step, s in
            ["\(step)", fixed(s.loss, 4), fixed(s.chosenReward, 3), fixed(s.rejectedReward, 3), fixed(s.rewardMargin, 3), percent(s.rewardAccuracy)]
        })
        let trainExactAfter = exactMatch(policy, setup.trainQuestions.map(\.tokens), endOfTurn: setup.lab.endOfTurn)
        let preferenceAfter = dpo.preferenceAccuracy(setup.heldOutPairs)
        let exactAfter = exactMatch(policy, setup.heldOutQuestions, endOfTurn: setup.lab.endOfTurn)
        let loss = context.tr(settings.chosenNLLWeight > 0 ? "sigmoid loss plus the chosen answers' NLL" : "sigmoid loss")
        context.print(context.tr("{0} DPO steps of {1} pairs (β = {2}, {3}, learning rate {4}, {5} trainable parameters) in {6} s",
                                 "\(steps)", "\(settings.batchSize)", "\(beta)", loss, "\(settings.learningRate)",
                                 "\(lora.trainableParameterCount)", String(format: "%.0f", seconds)))
        context.table(["held-out pairs and questions", "SFT (reference)", "after DPO"].map { context.tr($0) }, [
            [context.tr("preference accuracy  log π(chosen) > log π(rejected)"), percent(setup.sftPreference), percent(preferenceAfter)],
            [context.tr("exact match (greedy answer)"), percent(setup.sftExactMatch), percent(exactAfter)],
            [context.tr("exact match on the questions DPO trained on"), percent(setup.sftTrainedExactMatch), percent(trainExactAfter)],
        ])
        var plot = LinePlot(title: context.tr("DPO: implicit rewards β·log(π/π_ref) on training batches"), xLabel: context.tr("step"),
                            yLabel: context.tr("reward"))
        plot.add(context.tr("chosen"), ys: SFTLoRADemo.smoothed(dpo.history.map { $0.chosenReward }))
        plot.add(context.tr("rejected"), ys: SFTLoRADemo.smoothed(dpo.history.map { $0.rejectedReward }))
        try context.show("rewards", plot)
        return Outcome(method: context.tr("DPO (LoRA)"), preferenceAccuracy: preferenceAfter, heldOutExact: exactAfter, trainedExact: trainExactAfter,
                       seconds: seconds, cost: context.tr("pairs, frozen reference"))
    }
}
