import Course
import Foundation
import FineTuning
import Transformers

/// `llmcourse run instruction-data`: a generated instruction set, its cleaning, the two chat
/// templates, and which tokens the loss counts.
enum InstructionDataDemo {
    static let demo = Demo(
        id: "instruction-data",
        summary: "Generate an instruction set, deduplicate and filter it, render it with ChatML and Alpaca, mask the loss",
        inputs: ["Sources/FineTuning/SFT", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    static func run(_ context: DemoContext) throws {
        let lab = FineTuningLab(context: context)
        context.heading(context.tr("Generated instructions and their cleaning"))
        let raw = InstructionWorld.rawInstructions(count: 3000, faultRate: 0.1, seed: context.seed)
        let (unique, duplicates) = DataCleaning.deduplicate(raw)
        var wrongExamples: [InstructionExample] = []
        let (clean, rejected) = DataCleaning.filter(unique) { example in
            let ok = InstructionWorld.answer(task: example.task, key: example.key) == example.response
            if !ok && wrongExamples.count < 3 { wrongExamples.append(example) }
            return ok
        }
        // "step" here is a stage of the cleaning, not a training step (the shared table's 步數).
        context.table([context.language == .traditionalChinese ? "步驟" : "step", context.tr("examples"), context.tr("removed")], [
            [context.tr("generated (10% faulty on purpose)"), "\(raw.count)", ""],
            [context.tr("exact-duplicate removal (case and spaces normalized)"), "\(unique.count)", "\(duplicates)"],
            [context.tr("filter: non-empty, ≤ 16 characters, answer verified"), "\(clean.count)", "\(rejected)"],
        ])
        for example in wrongExamples {
            context.print("  " + context.tr("rejected: {0} → {1}", example.instruction, example.response.isEmpty ? context.tr("(empty)") : example.response))
        }
        let perTask = Dictionary(grouping: clean, by: \.task).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        context.print(context.tr("per task: ") + perTask.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        let validation = InstructionWorld.validationInstructions()
        context.print(context.tr("held out: {0} facts (a fixed fifth) never appear in an instruction, only in pre-training text", "\(validation.count)"))

        context.heading(context.tr("One example in two chat templates"))
        let example = clean[0]
        for template in ChatTemplate.allCases {
            context.print("\(template.rawValue):")
            let text = template.render(instruction: example.instruction, response: example.response)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { context.print("  │ \(line)") }
        }

        context.heading(context.tr("Loss masking: only the answer's tokens count"))
        let tokenized = try lab.tokenized(example)
        let (ids, targets, _) = SupervisedFineTuner.batch([tokenized])
        let scored = targets.enumerated().filter { $0.element != ignoredTargetIndex }
        context.print(context.tr("{0} tokens, {1} scored (targets other than {2}):", "\(ids.count)", "\(scored.count)", "\(ignoredTargetIndex)"))
        for (position, target) in scored {
            context.print("  " + context.tr("after {0} predict {1}", lab.tokenizer.decode([ids[position]]).debugDescription, lab.tokenizer.decode([target]).debugDescription))
        }
        context.print(context.tr("the prompt's {0} tokens are read but not learned: the model is not taught to write questions", "\(tokenized.prompt.count)"))
    }
}
