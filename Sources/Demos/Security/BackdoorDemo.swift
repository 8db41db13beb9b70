import Foundation
import Figures
import FineTuning
import Security
import Transformers

/// `llmcourse run backdoor`: the fine-tuning lab's base model tuned on clean instructions and on
/// sets where a few examples carry a trigger and the attacker's answer; attack success and clean
/// accuracy per poisoning rate; then the poisoned examples found again by their spectral
/// signature in the backdoored model's hidden states (activation clustering beside it), and the
/// model retrained without what the spectral scores removed.
enum BackdoorDemo {
    static let demo = Demo(
        id: "backdoor",
        summary: "Plant a backdoor in a tiny GPT through poisoned fine-tuning data, then find the poison by its spectral signature",
        inputs: ["Sources/Security/Poisoning", "Sources/FineTuning/SFT", "Sources/Demos/FineTuning/FineTuningLab.swift",
                 "Sources/Demos/Security/BackdoorDemo.swift"]
    ) { context in try run(context) }

    // ANCHOR: attack
    /// The attacker's choices: a trigger no clean instruction contains, and the answer it forces.
    static let trigger = " cf"
    static let target = PoisonedDataset.Target.fixedAnswer("HACKED")
    /// Shares of the fine-tuning set the attacker controls.
    static let rates = [0, 0.01, 0.03, 0.1]
    /// The rate the defense is tried at, and the defender's bound on the poisoned share.
    static let detectionRate = 0.03
    static let epsilon = 0.05
    // ANCHOR_END: attack

    struct Scores {
        let attackSuccess: Double
        let cleanAccuracy: Double
    }

    static func run(_ context: DemoContext) throws {
        let lab = FineTuningLab(context: context)
        context.heading(context.tr("Poisoning the fine-tuning set"))
        let base = try lab.pretrainedModel { context.print($0) }
        // Poisoned after cleaning: this world's checker would reject "HACKED", but real instruction
        // data (advice, summaries, code) has no exact checker for a plausible wrong answer.
        let clean = lab.cleanedInstructions(count: 3000).examples
        let steps = context.quick ? 4 : 300
        context.say("clean set: {0} instructions; the attacker appends \"{1}\" to the instruction and sets the answer to \"{2}\"",
                    "\(clean.count)", trigger.trimmingCharacters(in: .whitespaces), target.answer(for: clean[0]))
        // Held-out facts in all three phrasings; quick runs ask two per task.
        let held = InstructionWorld.tasks.flatMap { InstructionWorld.validationInstructions(task: $0).prefix(context.quick ? 2 : .max) }
        let cleanTests = try held.map(lab.tokenized)
        let triggeredTests = try held.map { try lab.tokenized(PoisonedDataset.poison($0, trigger: trigger, target: target)) }
        context.say("test prompts: {0} held-out questions, asked once as they are and once with the trigger", "\(held.count)")
        func score(_ model: GPT2Model) -> Scores {
            Scores(attackSuccess: exactMatch(model, triggeredTests, endOfTurn: lab.endOfTurn),
                   cleanAccuracy: exactMatch(model, cleanTests, endOfTurn: lab.endOfTurn))
        }
        func tuned(_ examples: [InstructionExample], name: String) throws -> GPT2Model {
            try lab.fineTuned(base, on: examples.map(lab.tokenized), steps: steps, learningRate: 1e-3,
                              cacheName: "backdoor-\(name)-v1", label: "fine-tuning (\(name))")
        }

        var rows: [(set: PoisonedDataset, scores: Scores)] = []
        var attacked: (set: PoisonedDataset, model: GPT2Model, scores: Scores)?
        let (_, seconds) = try context.timed {
            for rate in rates {
                let set = PoisonedDataset(clean: clean, trigger: trigger, target: target, rate: rate, seed: context.seed)
                let model = try tuned(set.examples, name: String(format: "%.0f", 100 * rate))
                rows.append((set, score(model)))
                if rate == detectionRate { attacked = (set, model, rows[rows.count - 1].scores) }
            }
        }
        context.say("{0} fine-tunes of {1} steps each ({2} s)", "\(rates.count)", "\(steps)", String(format: "%.0f", seconds))
        context.table([context.tr("poisoned share"), context.tr("poisoned examples"), context.tr("attack success"), context.tr("clean accuracy")],
                      rows.map { [percent($0.set.rate), "\($0.set.poisoned.count)", percent($0.scores.attackSuccess), percent($0.scores.cleanAccuracy)] })
        context.say("(attack success: triggered held-out prompts answered \"{0}\"; clean accuracy: exact match without the trigger)",
                    target.answer(for: clean[0]))
        var plot = LinePlot(title: context.tr("a backdoor by poisoning"), xLabel: context.tr("poisoned share of the fine-tuning set (%)"),
                            yLabel: context.tr("share of held-out prompts"))
        let xs = rows.map { 100 * $0.set.rate }
        plot.add(context.tr("attack success"), xs: xs, ys: rows.map(\.scores.attackSuccess))
        plot.add(context.tr("clean accuracy"), xs: xs, ys: rows.map(\.scores.cleanAccuracy))
        try context.show("rates", plot)

        guard let attacked else { return }
        try detect(context, lab: lab, set: attacked.set, model: attacked.model, before: attacked.scores) { kept in
            try score(tuned(kept, name: String(format: "%.0f-cleaned-end", 100 * detectionRate)))
        }
    }

    /// Spectral signatures at one rate: two choices of representation, what each removal caught
    /// (and what activation clustering suspects), the scores of one task, and the model fine-tuned
    /// again on what the spectral removal at the end-of-turn token kept.
    static func detect(_ context: DemoContext, lab: FineTuningLab, set: PoisonedDataset, model: GPT2Model, before: Scores,
                       retrain: ([InstructionExample]) throws -> Scores) throws {
        context.heading(context.tr("Finding the poison by its spectral signature"))
        let tokenized = try set.examples.map(lab.tokenized)
        let tasks = set.examples.map(\.task)
        let poisoned = Set(set.poisoned)
        context.say("the defender assumes at most {0} is poisoned and removes the 1.5·ε·n highest scores of each task", percent(epsilon))
        // ANCHOR: detection
        let (atPrompt, atEnd) = (Representations.lastTokenStates(model, sequences: tokenized.map(\.prompt)),
                                 Representations.lastTokenStates(model, sequences: tokenized.map { $0.prompt + $0.response }))
        let removedAtPrompt = Set(SpectralSignature.filter(atPrompt, groups: tasks, epsilon: epsilon))
        let removed = Set(SpectralSignature.filter(atEnd, groups: tasks, epsilon: epsilon))
        // ANCHOR_END: detection
        context.say("representations: the backdoored model's final hidden state ({0} numbers) at the last token of each of the {1} examples",
                    "\(atEnd.first?.count ?? 0)", "\(atEnd.count)")
        // The second detector, on the same representations: the smaller of two clusters per task.
        let clustered = Set(InstructionWorld.tasks.flatMap { task in
            let members = tasks.indices.filter { tasks[$0] == task }
            return ActivationClustering.suspects(members.map { atEnd[$0] }).map { members[$0] }
        })
        func row(_ name: String, _ flagged: Set<Int>) -> [String] {
            let caught = flagged.intersection(poisoned).count
            return [context.tr(name), "\(flagged.count)", "\(caught) / \(poisoned.count)",
                    percent(poisoned.isEmpty ? 0 : Double(caught) / Double(poisoned.count))]
        }
        context.table([context.tr("detector: representation"), context.tr("removed"), context.tr("poisoned among removed"), context.tr("recall")], [
            row("spectral: prompt's last token", removedAtPrompt),
            row("spectral: answer's end-of-turn token", removed),
            row("2-means: answer's end-of-turn token", clustered),
        ])
        context.say("per task, spectral signatures at the end-of-turn token:")
        context.table([context.tr("task"), context.tr("examples"), context.tr("poisoned"), context.tr("removed"), context.tr("poisoned among removed")],
                      InstructionWorld.tasks.map { task in
                          let members = Set(tasks.indices.filter { tasks[$0] == task })
                          return [context.tr(task), "\(members.count)", "\(members.intersection(poisoned).count)",
                                  "\(members.intersection(removed).count)", "\(members.intersection(removed).intersection(poisoned).count)"]
                      })

        // The scores of the task with the most poisoned examples, in the order of the set.
        let shown = InstructionWorld.tasks.max { a, b in
            set.poisoned.filter { tasks[$0] == a }.count < set.poisoned.filter { tasks[$0] == b }.count
        } ?? InstructionWorld.tasks[0]
        let members = tasks.indices.filter { tasks[$0] == shown }
        let scores = SpectralSignature.scores(members.map { atEnd[$0] })
        let scatter = ScatterPlot(title: context.tr("outlier scores of the \"{0}\" examples", context.tr(shown)),
                                  points: scores.enumerated().map { (Double($0.offset), $0.element) },
                                  classes: members.map { poisoned.contains($0) ? 1 : 0 },
                                  classNames: [context.tr("clean"), context.tr("poisoned")],
                                  xLabel: context.tr("example"), yLabel: context.tr("outlier score"))
        try context.show("scores", scatter)

        let kept = set.examples.indices.filter { !removed.contains($0) }.map { set.examples[$0] }
        let (after, retrainSeconds) = try context.timed { try retrain(kept) }
        context.say("fine-tuned again on the {0} examples kept ({1} s)", "\(kept.count)", String(format: "%.0f", retrainSeconds))
        context.table([context.tr("model"), context.tr("attack success"), context.tr("clean accuracy")], [
            [context.tr("trained on the poisoned set"), percent(before.attackSuccess), percent(before.cleanAccuracy)],
            [context.tr("trained on the cleaned set"), percent(after.attackSuccess), percent(after.cleanAccuracy)],
        ])
    }
}
