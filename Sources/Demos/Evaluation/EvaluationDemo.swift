import Course
import Decoding
import Evaluation
import Figures
import FineTuning
import Foundation
import ModelTools
import Transformers

/// `llmcourse run evaluation-benchmarks`: the fine-tuning chapters' base model scored four ways —
/// multiple choice by log-likelihood (acc, acc_norm), pass@k from samples, BLEU and ROUGE-L of
/// its sentences against exact match, and a contamination check of the benchmark itself.
enum EvaluationDemo {
    static let demo = Demo(
        id: "evaluation-benchmarks",
        summary: "Score a tiny model on a multiple-choice benchmark (acc, acc_norm), with pass@k, BLEU and ROUGE-L, and check contamination",
        inputs: ["Sources/Evaluation", "Sources/ModelTools/Evaluation", "Sources/FineTuning/SFT", "Sources/Demos/Evaluation"]
    ) { context in try run(context) }

    static func run(_ ctx: DemoContext) throws {
        let lab = FineTuningLab(context: ctx)
        let model = try lab.pretrainedModel { ctx.print($0) }
        let scorer = ContinuationScorer(model: model) { try lab.tokenizer.encode($0) }
        try multipleChoice(ctx, scorer)
        try passAtK(ctx, model, lab)
        try overlapMetrics(ctx, model, lab)
        contamination(ctx)
    }


    // MARK: acc and acc_norm

    static func multipleChoice(_ ctx: DemoContext, _ scorer: ContinuationScorer) throws {
        ctx.heading(ctx.tr("A four-way multiple-choice benchmark, scored by log-likelihood"))
        let questions = InstructionWorld.multipleChoice(seed: ctx.seed)
        let example = questions[InstructionWorld.words.count * 2 + 38]
        ctx.say("{0} questions, one per fact; for example {1} with choices {2}", "\(questions.count)",
                example.question.debugDescription, example.choices.map(\.debugDescription).joined(separator: ", "))
        let scoring = ctx.progress(ctx.tr("scoring choices"), total: questions.count)
        var rows: [String: (n: Int, acc: Int, norm: Int)] = [:]
        var disagreements: [(MultipleChoice.Question, Int, Int)] = []
        for (index, q) in questions.enumerated() {
            let scores = try q.choices.map { try scorer.logLikelihood(context: q.question, continuation: $0) }
            let picked = MultipleChoice.pick(logLikelihoods: scores, choices: q.choices)
            let task = InstructionWorld.facts[index].task
            rows[task, default: (0, 0, 0)].n += 1
            if picked.acc == q.answer { rows[task]!.acc += 1 }
            if picked.accNorm == q.answer { rows[task]!.norm += 1 }
            if picked.acc != picked.accNorm, disagreements.count < 2 { disagreements.append((q, picked.acc, picked.accNorm)) }
            scoring.advance()
        }
        scoring.finish()
        let all = rows.values.reduce((n: 0, acc: 0, norm: 0)) { ($0.n + $1.n, $0.acc + $1.acc, $0.norm + $1.norm) }
        let share = { (k: Int, n: Int) in fixed(Double(k) / Double(max(1, n)), 3) }
        ctx.table([ctx.tr("task"), ctx.tr("questions"), "acc", "acc_norm", ctx.tr("chance")],
                  InstructionWorld.tasks.compactMap { t in rows[t].map { [t, "\($0.n)", share($0.acc, $0.n), share($0.norm, $0.n), "0.250"] } }
                  + [[ctx.tr("all"), "\(all.n)", share(all.acc, all.n), share(all.norm, all.n), "0.250"]])
        for (q, acc, norm) in disagreements {
            ctx.say("acc and acc_norm disagree on {0}: acc picks {1}, acc_norm picks {2}; the answer is {3}",
                    q.question.debugDescription, q.choices[acc].debugDescription, q.choices[norm].debugDescription, q.choices[q.answer].debugDescription)
        }
    }

    // MARK: pass@k

    static func passAtK(_ ctx: DemoContext, _ model: GPT2Model, _ lab: FineTuningLab) throws {
        ctx.heading(ctx.tr("pass@k: sampling the sums at temperature 1"))
        let sums = InstructionWorld.facts.filter { $0.task == "sum" }
        let prompts = ctx.quick ? Array(sums.prefix(12)) : sums
        let n = ctx.quick ? 4 : 10
        let sampling = ctx.progress(ctx.tr("sampling answers"), total: prompts.count)
        var counts: [(n: Int, correct: Int)] = [], greedyRight = 0
        for (index, fact) in prompts.enumerated() {
            let prompt = try lab.tokenizer.encode(InstructionWorld.statementParts(task: fact.task, key: fact.key, answer: fact.answer).prompt)
            let wanted = " \(fact.answer)."
            let answer = { (config: GenerationConfig) in lab.tokenizer.decode(generate(model, prompt: prompt, config: config).newTokens) }
            var correct = 0
            for sample in 0..<n where answer(GenerationConfig(maxNewTokens: wanted.count, sampling: true, temperature: 1,
                                                                 seed: ctx.seed &+ UInt64(index * 100 + sample))) == wanted { correct += 1 }
            if answer(GenerationConfig(maxNewTokens: wanted.count)) == wanted { greedyRight += 1 }
            counts.append((n, correct))
            sampling.advance()
        }
        sampling.finish()
        let ks = Array(1...n)
        ctx.table(["k", "pass@k"], ks.map { ["\($0)", fixed(PassAtK.mean(counts, k: $0), 3)] })
        ctx.say("{0} sums, {1} samples each; greedy decoding gets {2} right ({3})", "\(prompts.count)", "\(n)", "\(greedyRight)",
                fixed(Double(greedyRight) / Double(prompts.count), 3))
        var plot = LinePlot(title: ctx.tr("pass@k on the sums"), xLabel: "k", yLabel: "pass@k")
        plot.add("pass@k", xs: ks.map(Double.init), ys: ks.map { PassAtK.mean(counts, k: $0) })
        try ctx.show("pass-at-k", plot, height: 8)
    }
}
