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
        let lab = FineTuningLab(seed: context.seed, quick: context.quick)
        context.heading("Generated instructions and their cleaning")
        let raw = InstructionWorld.rawInstructions(count: 3000, faultRate: 0.1, seed: context.seed)
        let (unique, duplicates) = DataCleaning.deduplicate(raw)
        var wrongExamples: [InstructionExample] = []
        let (clean, rejected) = DataCleaning.filter(unique) { example in
            let ok = InstructionWorld.answer(task: example.task, key: example.key) == example.response
            if !ok && wrongExamples.count < 3 { wrongExamples.append(example) }
            return ok
        }
        context.table(["step", "examples", "removed"], [
            ["generated (10% faulty on purpose)", "\(raw.count)", ""],
            ["exact-duplicate removal (case and spaces normalised)", "\(unique.count)", "\(duplicates)"],
            ["filter: non-empty, ≤ 16 characters, answer verified", "\(clean.count)", "\(rejected)"],
        ])
        for example in wrongExamples {
            context.print("  rejected: \(example.instruction) → \(example.response.isEmpty ? "(empty)" : example.response)")
        }
        let perTask = Dictionary(grouping: clean, by: \.task).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        context.print("per task: " + perTask.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        let validation = InstructionWorld.validationInstructions()
        context.print("held out: \(validation.count) facts (a fixed fifth) never appear in an instruction, only in pre-training text")

        context.heading("One example in two chat templates")
        let example = clean[0]
        for template in ChatTemplate.allCases {
            context.print("\(template.rawValue):")
            let text = template.render(instruction: example.instruction, response: example.response)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { context.print("  │ \(line)") }
        }

        context.heading("Loss masking: only the answer's tokens count")
        let tokenized = try lab.tokenized(example)
        let (ids, targets, _) = SupervisedFineTuner.batch([tokenized])
        let scored = targets.enumerated().filter { $0.element != ignoredTargetIndex }
        context.print("\(ids.count) tokens, \(scored.count) scored (targets other than \(ignoredTargetIndex)):")
        for (position, target) in scored {
            context.print("  after \(lab.tokenizer.decode([ids[position]]).debugDescription) predict \(lab.tokenizer.decode([target]).debugDescription)")
        }
        context.print("the prompt's \(tokenized.prompt.count) tokens are read but not learned: the model is not taught to write questions")
    }
}
