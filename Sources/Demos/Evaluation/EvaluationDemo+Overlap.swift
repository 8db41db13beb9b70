import Decoding
import Evaluation
import FineTuning
import Foundation
import Transformers

extension EvaluationDemo {
    // MARK: BLEU and ROUGE-L against exact match

    static func overlapMetrics(_ ctx: DemoContext, _ model: GPT2Model, _ lab: FineTuningLab) throws {
        ctx.heading(ctx.tr("BLEU and ROUGE-L of the model's sentences, beside exact match"))
        let facts = InstructionWorld.facts
        var outputs: [String] = [], references: [String] = [], right = 0
        var wrongButClose: (output: String, reference: String, bleu: Double)?
        for fact in ctx.quick ? Array(facts.prefix(16)) : facts {
            let (prompt, sentence) = InstructionWorld.statementParts(task: fact.task, key: fact.key, answer: fact.answer)
            let ids = try lab.tokenizer.encode(prompt)
            let completion = lab.tokenizer.decode(generate(model, prompt: ids, config: GenerationConfig(maxNewTokens: fact.answer.count + 2)).newTokens)
            let output = prompt + completion
            outputs.append(output); references.append(sentence)
            if output == sentence { right += 1 } else {
                let bleu = BLEU.sentence(output, references: [sentence]).score
                if bleu > (wrongButClose?.bleu ?? -1) { wrongButClose = (output, sentence, bleu) }
            }
        }
        let bleu = BLEU.corpus(hypotheses: outputs, references: references.map { [$0] })
        let rouge = zip(outputs, references).map { RougeL.score(output: $0, reference: $1).f }.reduce(0, +) / Double(outputs.count)
        ctx.table([ctx.tr("metric"), ctx.tr("score")], [
            [ctx.tr("exact match"), fixed(Double(right) / Double(outputs.count), 3)],
            ["BLEU (0–100)", fixed(bleu.score, 1)],
            ["ROUGE-L F", fixed(rouge, 3)],
        ])
        if let w = wrongButClose {
            ctx.say("a wrong sentence can still score well: {0} against {1} has BLEU {2}", w.output.debugDescription,
                    w.reference.debugDescription, fixed(w.bleu, 1))
        }
    }

    // MARK: contamination

    static func contamination(_ ctx: DemoContext) {
        ctx.heading(ctx.tr("Contamination: is the benchmark in the training text?"))
        let training = InstructionWorld.pretrainingText(lines: ctx.quick ? 2_000 : 20_000, seed: ctx.seed)
        let check = Contamination(training: training.split(separator: "\n").map(String.init), order: 4)
        let items = InstructionWorld.facts.map { InstructionWorld.statementParts(task: $0.task, key: $0.key, answer: $0.answer).sentence }
        let fresh = ["the reverse of wolf is flow.", "owl in lower case is owl.", "12 plus 30 is 42.", "the sun is a star."]
        let share = { (texts: [String]) in Double(texts.filter { check.overlap($0) >= 0.5 }.count) / Double(texts.count) }
        ctx.table([ctx.tr("items"), ctx.tr("count"), ctx.tr("share with ≥ half their 4-grams in training")], [
            [ctx.tr("the benchmark's facts"), "\(items.count)", fixed(share(items), 3)],
            [ctx.tr("new sentences"), "\(fresh.count)", fixed(share(fresh), 3)],
        ])
        ctx.say("Every benchmark fact is stated in the pre-training text, so these scores measure memory, not reasoning.")
    }
}
