import Autograd
import Foundation
import FineTuning
import FineTuneRecipes
import Transformers

/// `llmcourse run finetune-recipe`: the SFT chapter's LoRA fine-tune written as a YAML recipe
/// and run through the code `llmcourse finetune` uses — recipe, datasets, run, PEFT adapter —
/// on the chapter's own tiny GPT, then a recipe with mistakes, refused before any training.
enum FineTuneRecipeDemo {
    static let demo = Demo(
        id: "finetune-recipe",
        summary: "A LoRA fine-tune from a YAML recipe: the plan, the run, held-out exact match, the PEFT adapter reloaded",
        inputs: ["Sources/FineTuning", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    static func recipe(steps: Int, seed: UInt64) -> String {
        """
        base_model: base
        datasets:
          - path: instructions.jsonl
            type: alpaca
        chat_template: alpaca
        adapter: lora
        lora_r: 8
        lora_alpha: 16
        lora_target_modules: [c_attn, c_proj, c_fc]
        micro_batch_size: 16
        max_steps: \(steps)
        learning_rate: 0.006
        warmup_steps: 20
        val_set_size: 0.05
        seed: \(seed)
        output_dir: adapter
        """
    }

    static func run(_ context: DemoContext) throws {
        let lab = FineTuningLab(context: context, template: .alpaca)
        let base = try lab.pretrainedModel { context.print($0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-finetune-recipe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The base as a model folder; its tokenizer_config.json names the end-of-sequence token
        // the Alpaca template closes each answer with.
        let baseFolder = folder.appendingPathComponent("base")
        try base.save(directory: baseFolder)
        try #"{"eos_token": "<|endoftext|>"}"#.write(to: baseFolder.appendingPathComponent("tokenizer_config.json"), atomically: true, encoding: .utf8)

        // The chapter's cleaned instructions as an Alpaca-style JSON Lines file.
        let (cleaned, _, _, _) = lab.cleanedInstructions(count: 3000)
        let lines = try cleaned.map { example in
            String(decoding: try JSONSerialization.data(withJSONObject: ["instruction": example.instruction, "output": example.response],
                                                        options: [.sortedKeys]), as: UTF8.self)
        }
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("instructions.jsonl"), atomically: true, encoding: .utf8)
        let text = recipe(steps: context.quick ? 6 : 300, seed: context.seed)
        let file = folder.appendingPathComponent("finetune.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)

        context.heading(context.tr("The recipe"))
        context.say("finetune.yaml ({0} records in instructions.jsonl, base = the chapter's pre-trained tiny GPT):", "\(lines.count)")
        for line in text.split(separator: "\n") { context.print("  " + line) }

        context.heading(context.tr("The run"))
        let plan = try FineTuneRecipe(yaml: text, file: file)
        let template = try RecipeTemplate.load(plan.chatTemplate, folder: plan.baseModel)
        let examples = try plan.datasets.flatMap { try RecipeDataset.load($0, template: template) }
        let encode: (String) -> [Int] = { (try? lab.tokenizer.encode($0)) ?? [] }
        let run = try FineTuneRun(recipe: plan, model: try lab.copy(of: base), examples: examples, encode: encode)
        let (trainable, total) = run.parameterCounts
        context.say("{0} training and {1} validation examples; {2} steps of {3}", "\(run.training.count)", "\(run.validation.count)",
                    "\(run.steps)", "\(plan.microBatchSize)")
        context.say("trainable: {0} of {1} parameters ({2})", "\(trainable)", "\(total)", percent(Double(trainable) / Double(total)))
        let heldOut = try lab.validationSet()
        let before = (run.validationLoss() ?? .nan, exactMatch(run.lora.model, heldOut, endOfTurn: lab.endOfTurn))
        try run.prepareOutput()
        let tuning = context.progress(context.tr("fine-tuning"), total: run.steps)
        let (_, seconds) = context.timed { for _ in 0..<run.steps { run.step(); tuning.advance() } }
        tuning.finish()
        let after = (run.validationLoss() ?? .nan, exactMatch(run.lora.model, heldOut, endOfTurn: lab.endOfTurn))
        context.table(["", "validation loss", "held-out exact match"].map { context.tr($0) }, [
            [context.tr("before"), fixed(before.0, 3), percent(before.1)],
            [context.tr("after {0} steps ({1} s)", "\(run.steps)", String(format: "%.0f", seconds)), fixed(after.0, 3), percent(after.1)],
        ])
        context.say("(held-out: {0} facts the base model read as sentences, never as instructions)", "\(heldOut.count)")

        context.heading(context.tr("The adapter"))
        try run.save(report: ["steps": run.steps])
        let files = try FileManager.default.contentsOfDirectory(atPath: plan.outputDir.path).sorted()
        context.say("written: {0}", files.joined(separator: ", "))
        let reloaded = try lab.copy(of: base)
        _ = try PEFTAdapterFiles.load(from: plan.outputDir, into: reloaded)
        let probe = heldOut[0].prompt
        let difference = withNoGrad { reloaded(probe).value.maxAbsDifference(run.lora.model(probe).value) }
        context.say("reloaded into a fresh copy of the base: max |Δlogit| = {0}, exact match {1}", sci(Double(difference)),
                    percent(exactMatch(reloaded, heldOut, endOfTurn: lab.endOfTurn)))

        context.heading(context.tr("Mistakes are refused before training"))
        for (change, replacement) in [("lora_r: 8", "lora_r: eight"), ("learning_rate:", "learning_rat:"), ("max_steps", "gradient_accumulation_steps")] {
            do {
                _ = try FineTuneRecipe(yaml: text.replacingOccurrences(of: change, with: replacement), file: file)
            } catch {
                let message = error.description.replacingOccurrences(of: file.path, with: file.lastPathComponent)
                for line in message.split(separator: "\n") { context.print("  " + line) }
            }
        }
    }
}
