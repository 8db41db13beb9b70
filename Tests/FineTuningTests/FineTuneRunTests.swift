import Foundation
import Testing
import Autograd
import Tensors
import Templating
import Transformers
@testable import FineTuning
import FineTuneRecipes

@Suite("Fine-tuning recipes: datasets, the run and its PEFT adapter")
struct FineTuneRunTests {
    let alpacaTemplate = try! ChatTemplateFile(source: RecipeTemplate.alpaca, eosToken: "<|endoftext|>")
    let chatML = try! ChatTemplateFile(source: ChatTemplateFile.chatML)

    func dataset(_ lines: String, _ type: FineTuneRecipe.DatasetType) throws -> FineTuneRecipe.Dataset {
        let folder = try Fixtures.temporaryDirectory("dataset")
        let url = folder.appendingPathComponent("data.jsonl")
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return .init(path: url, type: type)
    }

    @Test func alpacaRecordsSplitIntoPromptAndAnswer() throws {
        let examples = try RecipeDataset.load(try dataset("""
        {"instruction": "Add 2 and 3.", "output": "5"}

        {"instruction": "Reverse the word.", "input": "cat", "output": "tac"}
        """, .alpaca), template: alpacaTemplate)
        #expect(examples == [
            TextExample(prompt: "### Instruction:\nAdd 2 and 3.\n\n### Response:\n", response: "5<|endoftext|>"),
            TextExample(prompt: "### Instruction:\nReverse the word.\n\ncat\n\n### Response:\n", response: "tac<|endoftext|>"),
        ])
    }

    @Test func conversationsTrainTheLastAssistantTurn() throws {
        let record = #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}"#
        let examples = try RecipeDataset.load(try dataset(record, .chatTemplate), template: chatML)
        #expect(examples.count == 1)
        #expect(examples[0].prompt == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n")
        #expect(examples[0].response == "4<|im_end|>\n")
        let completion = try RecipeDataset.load(try dataset(#"{"text": "abc"}"#, .completion), template: alpacaTemplate)
        #expect(completion == [TextExample(prompt: "", response: "abc<|endoftext|>")])
    }

    @Test func badRecordsNameTheirLine() throws {
        func problem(_ text: String, _ type: FineTuneRecipe.DatasetType) throws -> RecipeError? {
            let file = try dataset(text, type)
            do { _ = try RecipeDataset.load(file, template: chatML); return nil } catch { return error }
        }
        let notJSON = try problem("{\"instruction\": \"a\", \"output\": \"b\"}\nnot json", .alpaca)
        #expect(notJSON?.line == 2 && notJSON?.problem == "not a JSON object")
        #expect(try problem(#"{"instruction": "a"}"#, .alpaca)?.problem == "needs \"instruction\" and \"output\" strings")
        #expect(try problem(#"{"messages": [{"role": "user", "content": "a"}]}"#, .chatTemplate)?.problem
                == "has no assistant turn the template renders after the prompt")
        #expect(try problem(#"{"messages": [{"role": "user"}]}"#, .chatTemplate)?.problem
                == "needs \"messages\": a list of {\"role\", \"content\"} strings")
        #expect(try problem("\n\n", .completion)?.problem == "holds no records")
    }

    func recipe(output: URL) throws -> FineTuneRecipe {
        var recipe = try FineTuneRecipe(contentsOf: Fixtures.url("finetune/recipe.yaml"))
        recipe.outputDir = output
        return recipe
    }

    func run(_ recipe: FineTuneRecipe) throws -> (FineTuneRun, BytePairTokenizer) {
        let tokenizer = try BytePairTokenizer(directory: recipe.baseModel)
        let template = try RecipeTemplate.load(recipe.chatTemplate, folder: recipe.baseModel)
        let examples = try recipe.datasets.flatMap { try RecipeDataset.load($0, template: template) }
        return (try FineTuneRun(recipe: recipe, model: try GPT2Model(directory: recipe.baseModel), examples: examples,
                                encode: { tokenizer.encode($0) }), tokenizer)
    }

    @Test func theRecipeTrainsAndItsAdapterReloadsToTheSameOutputs() throws {
        let output = try Fixtures.temporaryDirectory("adapter").appendingPathComponent("out")
        let (run, tokenizer) = try run(try recipe(output: output))
        #expect(run.training.count == 48 && run.validation.count == 16 && run.steps == 20)
        // Adapters on c_attn and c_proj of 2 blocks: rank 4 × (in + out) each.
        #expect(run.lora.sites.count == 6)
        let before = try #require(run.validationLoss())
        try run.prepareOutput()
        for _ in 0..<run.steps { run.step() }
        let after = try #require(run.validationLoss())
        #expect(after < before - 0.5, "validation loss \(before) → \(after)")
        try run.save(report: ["steps": run.steps])
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["adapter_config.json", "adapter_model.safetensors", "training_report.json"])  // no staging folder left

        let prompt = tokenizer.encode("### Instruction:\nAdd 1 and 2.\n\n### Response:\n")
        let trained = withNoGrad { run.lora.model(prompt).value }
        let fresh = try GPT2Model(directory: run.recipe.baseModel)
        _ = try PEFTAdapterFiles.load(from: output, into: fresh)
        #expect(withNoGrad { fresh(prompt).value }.maxAbsDifference(trained) < 1e-6)
    }

    @Test func anAdapterWrittenByFinetuneMeansTheSameToPEFT() throws {
        let expected = try Fixtures.json("finetune/peft.json")
        let ids = expected["prompt_ids"] as! [Int], reference = expected["logits_last_8"] as! [[Double]]
        let tokenizer = try BytePairTokenizer(directory: Fixtures.gpt2Tiny)
        #expect(tokenizer.encode(expected["prompt"] as! String) == ids)
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        _ = try PEFTAdapterFiles.load(from: Fixtures.url("finetune/adapter"), into: model)
        let logits = withNoGrad { model(ids).value }
        let v = logits.shape.last!, first = ids.count - reference.count
        var worst = 0.0
        for (row, values) in reference.enumerated() {
            for (j, e) in values.enumerated() { worst = max(worst, abs(Double(logits.scalars[(first + row) * v + j]) - e)) }
        }
        #expect(worst < 1e-4, "max |Δlogit| = \(worst)")
        #expect(expected["max_change_from_base"] as! Double > 1)  // the adapter changes the model, so the check means something
    }

    @Test func wrongTargetsTooLongExamplesAndUnwritableOutput() throws {
        var recipe = try recipe(output: URL(fileURLWithPath: "/proc/no-such-place/out"))
        recipe.loraTargetModules = ["q_proj"]
        do { _ = try run(recipe); Issue.record("expected an error") } catch let error as RecipeError {
            #expect(error.key == "lora_target_modules" && error.fix == "this model's projections are c_attn, c_fc, c_proj")
        }
        recipe.loraTargetModules = nil
        recipe.sequenceLen = 4
        do { _ = try run(recipe); Issue.record("expected an error") } catch let error as RecipeError {
            #expect(error.problem == "only 0 of 64 examples fit in 4 tokens")
        }
        recipe.sequenceLen = nil
        let (ready, _) = try run(recipe)
        do { try ready.prepareOutput(); Issue.record("expected an error") } catch {
            #expect(error.key == "output_dir" && error.problem.hasPrefix("cannot write to /proc/no-such-place/out"))
        }
    }
}
