import Foundation
import Testing
import Autograd
import Tensors
import Transformers
@testable import Demos

@Suite struct PretrainDemoTests {
    @Test func quickRunShowsEveryStageAndDrawsItsFigures() throws {
        let figures = FileManager.default.temporaryDirectory.appendingPathComponent("pretrain-figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: figures) }
        let out = try runDemo("pretrain", figures: figures)
        for heading in ["== The data ==", "== The model and the schedule ==", "== Training ==", "== Held-out evaluation ==",
                        "== A Hugging Face checkpoint =="] {
            #expect(out.contains(heading), "missing \(heading)")
        }
        #expect(out.contains("0 (bit for bit)"))
        #expect(out.contains("exact match on 20 held-out sums"))
        for name in ["learning-rate", "loss", "accuracy"] {
            let svg = try String(contentsOf: figures.appendingPathComponent("pretrain-\(name).svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<svg") || svg.contains("<svg"))
        }
        // The default folder holds a Hugging Face checkpoint that loads.
        let folder = PretrainRecipe(seed: 42, quick: true).checkpointFolder()
        for file in ["config.json", "model.safetensors", "vocab.json", "merges.txt"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "missing \(file)")
        }
        let model = try GPT2Model(directory: folder)
        #expect(model.config.layerCount == 2 && model.config.embeddingSize == 64)
        #expect(try BytePairTokenizer(directory: folder).vocabularySize == 300)
    }

    @Test func savedCheckpointReloadsWithIdenticalLogits() throws {
        let recipe = PretrainRecipe(seed: 7, quick: true)
        let data = try recipe.prepareData()
        let model = GPT2Model(config: recipe.config(vocabularySize: data.tokenizer.vocabularySize), seed: recipe.modelSeed)
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: recipe.settings)
        for _ in 0..<5 { trainer.step() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pretrain-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ctx = DemoContext(demoID: "pretrain", quick: true) { _ in }
        let reloaded = try PretrainDemo.saveAndReload(ctx, model: model, tokenizer: data.tokenizer, folder: folder,
                                                      probe: Array(data.trainingTokens.prefix(48)))
        let probe = Array(data.validationTokens.prefix(60))
        let (original, loaded) = withNoGrad { (model(probe).value.scalars, reloaded.model(probe).value.scalars) }
        #expect(original == loaded)
        #expect(reloaded.tokenizer.encode("07+85=290\n") == data.tokenizer.encode("07+85=290\n"))
    }

    @Test func trainingLogRecordsLossScheduleAndValidation() throws {
        let recipe = PretrainRecipe(seed: 3, quick: true)
        let data = try recipe.prepareData()
        let model = GPT2Model(config: recipe.config(vocabularySize: data.tokenizer.vocabularySize), seed: recipe.modelSeed)
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: recipe.settings)
        let ctx = DemoContext(demoID: "pretrain", quick: true) { _ in }
        let log = PretrainRun(recipe: recipe, trainer: trainer, validationTokens: data.validationTokens) { 0.25 }.train(ctx)
        #expect(log.losses.count == recipe.steps && log.learningRates.count == recipe.steps)
        #expect(log.validation.count == recipe.reports)
        #expect(log.accuracy.map(\.share) == [Double](repeating: 0.25, count: recipe.reports))
        #expect(abs(log.losses[0] - Foundation.log(300.0)) < 0.5)   // a uniform guess at first
        #expect(log.losses.suffix(4).reduce(0, +) / 4 < log.losses[0] - 1)
        #expect(log.learningRates[0] == 0)
        #expect(abs(log.learningRates[recipe.settings.warmupSteps] - Double(recipe.settings.peakLearningRate)) < 1e-9)
        #expect(log.tokensPerSecond > 0)
    }

    @Test func checkpointFolderFollowsTheEnvironment() {
        let recipe = PretrainRecipe(seed: 42, quick: false)
        #expect(recipe.checkpointFolder(environment: ["LLMCOURSE_PRETRAIN_DIR": "/tmp/mine"]).path == "/tmp/mine")
        #expect(recipe.checkpointFolder(environment: ["LLMCOURSE_STATE_DIR": "/srv/state"]).path == "/srv/state/pretrained-addition-42")
        #expect(recipe.checkpointFolder(environment: [:]).lastPathComponent == "llmcourse-pretrained-addition-42")
    }

    @Test func evaluationHelpers() {
        // Uniform logits: −log p = ln V for any target.
        let uniform = ArraySlice([Float](repeating: 3, count: 10))
        #expect(abs(PretrainEvaluation.negativeLogLikelihood(uniform, target: 4) - Foundation.log(10.0)) < 1e-9)
        let peaked = ArraySlice<Float>([0, 50, 0])
        #expect(PretrainEvaluation.negativeLogLikelihood(peaked, target: 1) < 1e-9)
        #expect(PretrainEvaluation.readable("290") == "92")
        #expect(PretrainEvaluation.readable("441") == "144")
        #expect(PretrainEvaluation.readable("") == "∅")
        #expect(PretrainEvaluation.readable("a.") == "a.")
    }
}
