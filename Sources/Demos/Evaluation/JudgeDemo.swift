import Evaluation
import FineTuning
import Foundation
import ModelTools

/// `llmcourse run llm-judge`: the fine-tuning chapters' base model asked to judge which of two
/// answers is right, in both orders. The same model that scores statements well by likelihood
/// turns out to pick by position when asked to compare.
enum JudgeDemo {
    static let demo = Demo(
        id: "llm-judge",
        summary: "A model as judge of two answers, asked in both orders: position bias measured, and the swap rule",
        inputs: ["Sources/Evaluation", "Sources/ModelTools/Evaluation", "Sources/FineTuning/SFT", "Sources/Demos/Evaluation"]
    ) { ctx in
        let lab = FineTuningLab(context: ctx)
        let model = try lab.pretrainedModel { ctx.print($0) }
        let scorer = ContinuationScorer(model: model) { try lab.tokenizer.encode($0) }
        let questions = InstructionWorld.multipleChoice(seed: ctx.seed)
        let pairs = (ctx.quick ? Array(questions.prefix(12)) : questions).map { q in
            // Choices carry the leading space they continue the question with; the judge sees them bare.
            (question: q.question, right: q.choices[q.answer].trimmingCharacters(in: .whitespaces),
             wrong: q.choices[q.answer == 0 ? 1 : 0].trimmingCharacters(in: .whitespaces))
        }
        ctx.heading(ctx.tr("{0} pairs of a right and a wrong ending; the judge is asked which is correct, in both orders", "\(pairs.count)"))
        let example = PairwiseJudge.prompt(question: pairs[0].question, a: pairs[0].right, b: pairs[0].wrong)
        ctx.print(example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

        let judging = ctx.progress(ctx.tr("judging"), total: pairs.count)
        var judgments: [PairwiseJudge.Judgment] = []
        var direct = 0
        for pair in pairs {
            judgments.append(try PairwiseJudge.judge(question: pair.question, answers: (pair.right, pair.wrong)) { prompt in
                try scorer.logLikelihood(context: prompt, continuation: " A") - scorer.logLikelihood(context: prompt, continuation: " B")
            })
            // The same model without a prompt: which ending is more likely after the question?
            if try scorer.logLikelihood(context: pair.question, continuation: " " + pair.right)
                > scorer.logLikelihood(context: pair.question, continuation: " " + pair.wrong) { direct += 1 }
            judging.advance()
        }
        judging.finish()
        let s = PairwiseJudge.Summary(judgments)
        ctx.table([ctx.tr("measure"), ctx.tr("value")], [
            [ctx.tr("judge accuracy, right answer shown as A"), fixed(s.accuracyWhenFirst, 3)],
            [ctx.tr("judge accuracy, right answer shown as B"), fixed(s.accuracyWhenSecond, 3)],
            [ctx.tr("verdicts that went to position A"), fixed(s.positionA, 3)],
            [ctx.tr("pairs with the same winner in both orders"), fixed(s.consistency, 3)],
            [ctx.tr("swap rule: right / tie"), "\(fixed(s.swapRuleCorrect, 3)) / \(fixed(s.swapRuleTies, 3))"],
            [ctx.tr("the same model scoring the two endings by likelihood"), fixed(Double(direct) / Double(pairs.count), 3)],
        ])
        ctx.say("An unbiased judge gives position A half of the verdicts; this one gives it {0}.", fixed(s.positionA, 3))
    }
}
