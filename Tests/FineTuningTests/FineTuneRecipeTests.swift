import Foundation
import Testing
@testable import FineTuning
@testable import FineTuneRecipes

@Suite("Fine-tuning recipes: reading and checking the YAML")
struct FineTuneRecipeTests {
    let file = URL(fileURLWithPath: "/work/recipes/finetune.yaml")

    func parse(_ yaml: String) throws(RecipeError) -> FineTuneRecipe { try FineTuneRecipe(yaml: yaml, file: file) }

    func error(_ yaml: String) -> RecipeError? {
        do { _ = try parse(yaml); return nil } catch { return error }
    }

    let minimal = """
    base_model: models/base
    datasets:
      - path: data/train.jsonl
        type: alpaca
    output_dir: out
    """

    @Test func readsEveryKeyAndResolvesPathsFromTheRecipesFolder() throws {
        let recipe = try parse("""
        base_model: ../models/base
        datasets:
          - path: data/a.jsonl
            type: alpaca
          - path: /abs/b.jsonl
            type: chat_template
        chat_template: chatml
        adapter: qlora
        load_in_4bit: true
        lora_r: 4
        lora_alpha: 8
        lora_dropout: 0.05
        lora_target_modules: [c_attn, c_proj]
        sequence_len: 48
        micro_batch_size: 16
        max_steps: 120
        learning_rate: 2e-3
        lr_scheduler: cosine
        optimizer: adamw_torch
        warmup_steps: 5
        weight_decay: 0.01
        val_set_size: 0.2
        train_on_inputs: yes
        seed: 7
        output_dir: out/adapter
        """)
        #expect(recipe.baseModel.path == "/work/models/base")
        #expect(recipe.datasets == [.init(path: URL(fileURLWithPath: "/work/recipes/data/a.jsonl"), type: .alpaca),
                                    .init(path: URL(fileURLWithPath: "/abs/b.jsonl"), type: .chatTemplate)])
        #expect(recipe.chatTemplate == .chatml && recipe.adapter == .qlora)
        #expect(recipe.loraR == 4 && recipe.loraAlpha == 8 && recipe.loraDropout == 0.05)
        #expect(recipe.loraTargetModules == ["c_attn", "c_proj"])
        #expect(recipe.sequenceLen == 48 && recipe.microBatchSize == 16 && recipe.maxSteps == 120)
        #expect(recipe.learningRate == 2e-3 && recipe.warmupSteps == 5 && recipe.weightDecay == 0.01)
        #expect(recipe.valSetSize == 0.2 && recipe.trainOnInputs && recipe.seed == 7)
        #expect(recipe.outputDir.path == "/work/recipes/out/adapter")
        #expect(recipe.steps(trainingExamples: 1000) == 120)
    }

    @Test func defaultsAndEpochsToSteps() throws {
        let recipe = try parse(minimal + "\nnum_epochs: 2.5\nmicro_batch_size: 4")
        #expect(recipe.adapter == .lora && recipe.chatTemplate == .tokenizerDefault && recipe.loraR == 8)
        #expect(recipe.loraTargetModules == nil && recipe.valSetSize == 0 && !recipe.trainOnInputs)
        // 2.5 epochs of 10 examples in batches of 4: ⌈25 / 4⌉ = 7 steps.
        #expect(recipe.steps(trainingExamples: 10) == 7)
        #expect(recipe.source == file.path)
    }

    @Test func aWrongValueNamesItsLineKeyAndFix() {
        let e = error(minimal + "\nlora_r: eight")
        #expect(e?.line == 6 && e?.key == "lora_r")
        #expect(e?.problem == "must be a whole number of 1 or more, not \"eight\"")
        #expect(e?.description.hasPrefix("/work/recipes/finetune.yaml:6: lora_r: must be") == true)
        #expect(e?.fix == "write it as lora_r: 8")
        #expect(error(minimal + "\nval_set_size: 1.5")?.problem == "must be a number from 0 up to (not including) 1, not \"1.5\"")
        #expect(error(minimal + "\nlearning_rate: -1")?.key == "learning_rate")
        #expect(error(minimal + "\ntrain_on_inputs: maybe")?.problem == "must be true or false, not \"maybe\"")
        #expect(error(minimal + "\nlora_r: [1, 2]")?.problem == "must be a single value, not a list or a mapping")
    }

    @Test func choicesListTheirValues() {
        let e = error(minimal + "\nadapter: dora")
        #expect(e?.problem == "\"dora\" is not one of lora, qlora")
        #expect(error(minimal + "\nlr_scheduler: linear")?.problem == "\"linear\" is not one of cosine")
        #expect(error(minimal + "\nload_in_4bit: true")?.problem == "disagrees with adapter: lora")
    }

    @Test func typosGetASuggestionAndAxolotlKeysAFix() {
        let typo = error(minimal + "\nlora_aplha: 16")
        #expect(typo?.key == "lora_aplha" && typo?.problem == "is not a recipe key")
        #expect(typo?.fix.hasPrefix("did you mean lora_alpha?") == true)
        #expect(error(minimal + "\nzzz: 1")?.fix == "`llmcourse finetune --help` lists every key")
        let axolotl = error(minimal + "\ngradient_accumulation_steps: 4")
        #expect(axolotl?.problem == "is an Axolotl setting this course does not implement")
        #expect(axolotl?.fix.contains("micro_batch_size") == true)
    }

    @Test func missingPartsAndBadYAML() {
        #expect(error("")?.problem == "the file is empty")
        #expect(error("- a\n- b")?.problem == "the top level is not a list of `key: value` lines")
        let missing = error("base_model: m\ndatasets:\n  - path: d.jsonl\n    type: alpaca")
        #expect(missing?.key == "output_dir" && missing?.problem == "is missing")
        let syntax = error("base_model: m\ndatasets: [a\noutput_dir: o")
        #expect(syntax?.problem.hasPrefix("not valid YAML") == true && syntax?.line != nil)
        #expect(error("base_model: m\nbase_model: n\ndatasets: []\noutput_dir: o")?.problem == "is given twice")
        #expect(error("base_model: m\ndatasets: data.jsonl\noutput_dir: o")?.problem == "must be a list of {path, type}")
        let noType = error("base_model: m\ndatasets:\n  - path: d.jsonl\noutput_dir: o")
        #expect(noType?.key == "datasets[1].type" && noType?.line == 3)
        #expect(error("base_model: m\ndatasets:\n  - path: d.jsonl\n    type: sharegpt\noutput_dir: o")?.problem
                == "\"sharegpt\" is not one of alpaca, chat_template, completion")
    }

    @Test func unreadableFile() {
        do {
            _ = try FineTuneRecipe(contentsOf: URL(fileURLWithPath: "/nonexistent/recipe.yaml"))
            Issue.record("expected an error")
        } catch {
            #expect(error.problem.hasPrefix("cannot read the file"))
        }
    }

    @Test func editDistanceCountsEdits() {
        #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(closestKey(to: "num_epoch", among: ["num_epochs", "seed"]) == "num_epochs")
        #expect(closestKey(to: "banana", among: ["num_epochs", "seed"]) == nil)
    }
}
