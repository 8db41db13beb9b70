import ArgumentParser
import Console
import Course
import FineTuning
import FineTuneRecipes
import Foundation
import Templating
import Transformers

/// `llmcourse finetune recipe.yaml`: a LoRA or QLoRA fine-tune described in a YAML file, in the
/// style of Axolotl, written as a PEFT adapter.
struct FineTune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finetune",
        abstract: "Fine-tune a model folder with LoRA or QLoRA as a YAML recipe describes; write a PEFT adapter.",
        discussion: """
        The recipe names the base model folder, the datasets (JSON Lines) and their chat template, \
        the adapter, the schedule and the output folder; paths are relative to the recipe's folder. \
        docs/finetune.md documents every key. The adapter is written as adapter_config.json + \
        adapter_model.safetensors (PEFT's format: PeftModel.from_pretrained loads it) beside \
        training_report.json; `llmcourse generate <base> "..." --adapter <output_dir>` uses it.

        A recipe:
          base_model: models/course-gpt2
          datasets:
            - path: data/train.jsonl
              type: alpaca          # alpaca | chat_template | completion
          chat_template: alpaca     # tokenizer_default | chatml | alpaca
          adapter: lora             # lora | qlora
          lora_r: 8
          lora_alpha: 16
          micro_batch_size: 8
          num_epochs: 3
          learning_rate: 0.001
          val_set_size: 0.1
          output_dir: out/adapter

        Keys:
        \(FineTuneRecipe.keyDescriptions.map { "  " + $0.key.padding(toLength: 20, withPad: " ", startingAt: 0) + $0.meaning }.joined(separator: "\n"))

        Examples:
          llmcourse finetune recipe.yaml --dry-run    check everything, print the plan
          llmcourse finetune recipe.yaml
        """
    )

    @Argument(help: "The recipe (YAML).")
    var recipe: String

    @Flag(name: .long, help: "Check the recipe, load the model and data, print the plan; do not train.")
    var dryRun = false

    @Flag(name: .long, help: "Print the final report as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let say = { (en: String, zh: String, args: [String]) in MessageTemplate.fill(language == .traditionalChinese ? zh : en, args) }
        let log = { (line: String) in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let plan: FineTuneRecipe
        do { plan = try FineTuneRecipe(contentsOf: URL(fileURLWithPath: recipe)) } catch { throw ValidationError(error.description) }
        let (model, tokenizer) = try ModelCommands.load(plan.baseModel.path, language)
        let template: ChatTemplateFile
        do { template = try RecipeTemplate.load(plan.chatTemplate, folder: plan.baseModel) } catch {
            throw ValidationError(say("{0}: the chat template cannot be read ({1}); choose chat_template: chatml or alpaca in the recipe.",
                                      "{0}：無法讀取對話模板（{1}）；請在配方裡改用 chat_template: chatml 或 alpaca。", [plan.baseModel.path, "\(error)"]))
        }
        if plan.chatTemplate == .tokenizerDefault && template.isFallback {
            log(say("{0} has no chat template; using ChatML.", "{0} 沒有對話模板；改用 ChatML。", [plan.baseModel.lastPathComponent]))
        }
        let run: FineTuneRun
        do throws(RecipeError) {
            var examples: [TextExample] = []
            for dataset in plan.datasets { examples += try RecipeDataset.load(dataset, template: template) }
            run = try FineTuneRun(recipe: plan, model: model, examples: examples, encode: { tokenizer.encode($0) })
        } catch { throw ValidationError(error.description) }
        let (trainable, total) = run.parameterCounts
        log(say("{0}: {1} training and {2} validation examples ({3} too long, left out); {4} steps of {5}; {6} of {7} parameters trainable ({8}).",
                "{0}：訓練 {1} 筆、驗證 {2} 筆（{3} 筆過長、略過）；{4} 步，每步 {5} 筆；可訓練參數 {6} / {7}（{8}）。",
                [plan.baseModel.lastPathComponent, "\(run.training.count)", "\(run.validation.count)", "\(run.droppedTooLong)",
                 "\(run.steps)", "\(plan.microBatchSize)", "\(trainable)", "\(total)", plan.adapter.rawValue]))
        if dryRun { return }
        do { try run.prepareOutput() } catch { throw ValidationError(error.description) }
        let before = run.validationLoss()
        let started = Date()
        let progress = ProgressReporter.standardError().task(say("fine-tuning", "微調中", []), total: run.steps)
        var recent: [Float] = []
        for step in 1...run.steps {
            let (loss, rate) = run.step()
            recent = Array((recent + [loss]).suffix(10))
            progress.advance()
            if step % max(1, run.steps / 10) == 0 || step == run.steps {
                log(say("step {0}/{1}: loss {2} (mean of the last {3}), learning rate {4}", "第 {0}/{1} 步：損失 {2}（最近 {3} 步平均），學習率 {4}",
                        ["\(step)", "\(run.steps)", fmt(mean(recent)), "\(recent.count)", String(format: "%.2e", rate)]))
            }
        }
        progress.finish()
        let after = run.validationLoss()
        let seconds = Date().timeIntervalSince(started)
        var report: [String: Any] = ["recipe": plan.source, "base_model": plan.baseModel.path, "adapter": plan.adapter.rawValue,
                                     "steps": run.steps, "training_examples": run.training.count, "validation_examples": run.validation.count,
                                     "final_training_loss": Double(mean(recent)), "seconds": seconds.rounded()]
        if let before, let after { report["validation_loss_before"] = before; report["validation_loss_after"] = after }
        do { try run.save(report: report) } catch { throw ValidationError(error.description) }
        if json { return try Evaluate.printJSON(report.merging(["output_dir": plan.outputDir.path]) { a, _ in a }) }
        if let before, let after {
            print(say("validation loss: {0} before, {1} after", "驗證損失：訓練前 {0}，訓練後 {1}", [fmt(Float(before)), fmt(Float(after))]))
        }
        print(say("adapter written to {0} in {1} s; try it:\n  llmcourse generate {2} \"...\" --adapter {0}",
                  "轉接器已寫入 {0}，費時 {1} 秒；試試：\n  llmcourse generate {2} \"...\" --adapter {0}",
                  [plan.outputDir.path, String(format: "%.0f", seconds), plan.baseModel.path]))
    }

    func mean(_ values: [Float]) -> Float { values.isEmpty ? 0 : values.reduce(0, +) / Float(values.count) }
    func fmt(_ value: Float) -> String { String(format: "%.3f", value) }
}
