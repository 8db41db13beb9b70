import Foundation
import Figures
import FineTuning
import ModelTools
import Tensors
import Transformers

/// `llmcourse run model-merging`: one tiny GPT fine-tuned twice, once to add digits and once
/// to write words in capitals; the two fine-tunes merged five ways, and each result asked for
/// both skills on facts no instruction showed.
enum ModelMergingDemo {
    static let demo = Demo(
        id: "model-merging",
        summary: "Merge an adding and a capitalizing fine-tune of one tiny GPT five ways: which merges keep both skills",
        inputs: ["Sources/ModelTools/Merging", "Sources/FineTuning", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    /// The two skills, each taught to its own copy of the base model.
    static let skills = ["sum", "capitals"]

    struct Scored {
        let name: String
        /// Exact match on each skill's held-out facts, in the order of ``skills``.
        let scores: [Double]
    }

    static func run(_ context: DemoContext) throws {
        let lab = FineTuningLab(context: context)
        context.heading(context.tr("Two fine-tunes of one base model"))
        let skillNames = skills.map { context.tr($0) }
        let base = try lab.pretrainedModel { context.print($0) }
        let (cleaned, _, _, _) = lab.cleanedInstructions(count: 3000)
        // Quick runs ask about a few facts only: enough to exercise every step.
        let tests = try skills.map { skill in
            try InstructionWorld.validationInstructions(task: skill).prefix(context.quick ? 2 : .max).map(lab.tokenized)
        }
        func score(_ name: String, _ model: GPT2Model) -> Scored {
            Scored(name: name, scores: tests.map { exactMatch(model, $0, endOfTurn: lab.endOfTurn) })
        }

        let steps = context.quick ? 4 : 300
        var tuned: [GPT2Model] = []
        for skill in skills {
            let examples = try cleaned.filter { $0.task == skill }.map(lab.tokenized)
            let (model, seconds) = try context.timed { try skillTunedModel(lab, base: base, skill: skill, examples: examples, steps: steps) }
            context.say("{0}: fine-tuned on {1} \"{0}\" instructions only, {2} steps ({3} s)", context.tr(skill), "\(examples.count)", "\(steps)",
                        String(format: "%.0f", seconds))
            tuned.append(model)
        }
        context.say("held-out facts, never in an instruction, each asked three ways: {0} {1} and {2} {3} questions",
                    "\(tests[0].count)", context.tr(skills[0]), "\(tests[1].count)", context.tr(skills[1]))
        let (a, b) = (tuned[0].stateDict(), tuned[1].stateDict()), baseState = base.stateDict()
        let (cosine, conflicts) = TaskVectorOverlap.measure(a, b, base: baseState)
        context.say("task vectors: cosine {0}; where both moved a weight clearly, they pushed it opposite ways {1} of the time",
                    fixed(cosine, 2), percent(conflicts))

        context.heading(context.tr("Five merges, scored on both skills"))
        var rows = [score(context.tr("base model"), base), score(context.tr("fine-tune: {0}", context.tr(skills[0])), tuned[0]),
                    score(context.tr("fine-tune: {0}", context.tr(skills[1])), tuned[1])]
        let merged = try lab.copy(of: base)
        func mergedModel(_ method: MergeMethod, weights: [Float] = []) throws -> GPT2Model {
            try merged.loadStateDict(StateDictMerge.merge([a, b], base: method.needsBase ? baseState : nil, method: method, weights: weights))
            return merged
        }
        for (name, method) in methods(seed: context.seed) {
            rows.append(score(context.tr(name), try mergedModel(method)))
        }
        context.table([context.tr("model")] + skillNames + [context.tr("both (mean)")], rows.map { row in
            [row.name] + row.scores.map(percent) + [percent(row.scores.reduce(0, +) / 2)]
        })
        context.say("(exact match on held-out facts; the merges use no training and no data)")
        let plot = ScatterPlot(title: context.tr("each model's two skills"),
                               points: rows.map { ($0.scores[0], $0.scores[1]) },
                               // Three groups keep the legend short; the table names every point.
                               classes: rows.indices.map { $0 == 0 ? 0 : $0 < 3 ? 1 : 2 },
                               classNames: [context.tr("base model"), context.tr("fine-tunes"), context.tr("merges")],
                               xLabel: context.tr("{0} exact match", skillNames[0]),
                               yLabel: context.tr("{0} exact match", skillNames[1]))
        try context.show("skills", plot)

        context.heading(context.tr("Sliding from one fine-tune to the other"))
        let ts: [Float] = [0, 0.25, 0.5, 0.75, 1]
        let sweep = try ts.map { t -> Scored in
            // The ends are the fine-tunes themselves and the middle is the 0.5/0.5 merge above: reuse their scores.
            switch t {
            case 0: return rows[1]
            case 1: return rows[2]
            case 0.5: return rows[3]
            default: return score("t = \(t)", try mergedModel(.linear, weights: [1 - t, t]))
            }
        }
        context.table(["t"] + skillNames, zip(ts, sweep).map { t, row in ["\(t)"] + row.scores.map(percent) })
        var line = LinePlot(title: context.tr("linear merge (1 − t)·{0} + t·{1}", skillNames[0], skillNames[1]), xLabel: "t",
                            yLabel: context.tr("exact match"))
        for (index, skill) in skills.enumerated() {
            line.add(context.tr(skill), xs: ts.map(Double.init), ys: sweep.map { $0.scores[index] })
        }
        try context.show("sweep", line)
    }

    // ANCHOR: methods
    /// The merges compared, with the settings the lesson quotes.
    static func methods(seed: UInt64) -> [(String, MergeMethod)] {
        [("linear 0.5/0.5", .linear),
         ("SLERP t = 0.5", .slerp(t: 0.5)),
         ("task arithmetic", .taskArithmetic),
         ("TIES density 0.3", .ties(density: 0.3)),
         ("DARE density 0.3", .dare(density: 0.3, seed: seed))]
    }
    // ANCHOR_END: methods

    /// The base model fine-tuned on one skill's instructions (cached on disk per seed, skill and steps).
    static func skillTunedModel(_ lab: FineTuningLab, base: GPT2Model, skill: String, examples: [TokenizedExample],
                                steps: Int) throws -> GPT2Model {
        try lab.fineTuned(base, on: examples, steps: steps, learningRate: 2e-3, cacheName: "merging-\(skill)", label: "fine-tuning on \(skill)")
    }
}
