import Foundation
import Testing
import Transformers
@testable import Demos

@Suite struct TextPretrainDemoTests {
    @Test func quickRunShowsEveryStageAndDrawsTheLoss() throws {
        let figures = FileManager.default.temporaryDirectory.appendingPathComponent("pretrain-text-figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: figures) }
        let start = Date()
        let out = try runDemo("pretrain-text", figures: figures, width: 400)   // no wrapping: whole lines to match
        #expect(Date().timeIntervalSince(start) < 20)   // about a second alone; generous for a busy machine
        for heading in ["== The text ==", "== The model and the schedule ==", "== Training ==", "== Held-out perplexity per character =="] {
            #expect(out.contains(heading), "missing \(heading)")
        }
        #expect(out.replacingOccurrences(of: "\n", with: " ").contains("held out (deployment, neural-networks, both languages)"))   // narration wraps at 80
        #expect(out.contains("The model │") && out.contains("語言模型│"))
        let svg = try String(contentsOf: figures.appendingPathComponent("pretrain-text-loss.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        // The summary line carries the measured numbers: perplexity = exp(loss), bits = loss / ln 2.
        let summary = try #require(out.split(separator: "\n").last { $0.hasPrefix("pretrain-text:") })
        let numbers = summary.matches(of: /loss ([0-9.]+) nats\/char, perplexity ([0-9.]+), ([0-9.]+) bits\/char/).first
        let (loss, perplexity, bits) = try #require(numbers.map { (Double($0.1)!, Double($0.2)!, Double($0.3)!) })
        #expect(abs(Foundation.exp(loss) - perplexity) < 0.01 * perplexity)
        #expect(abs(loss / Foundation.log(2.0) - bits) < 0.002)
        #expect(loss < 7.5)   // no worse than a uniform guess over the vocabulary (ln 1,000 ≈ 6.9)
    }

    @Test func narrowTerminalDropsColumnsInsteadOfWrappingRows() throws {
        let narrow = try runDemo("pretrain-text", width: 60).split(separator: "\n")
        let header = try #require(narrow.first { $0.hasPrefix("step ") })
        #expect(header.contains("held-out loss") && !header.contains("held-out ppl") && header.contains("tokens/s"))
        let wide = try runDemo("pretrain-text", width: 80).split(separator: "\n")
        #expect(try #require(wide.first { $0.hasPrefix("step ") }).contains("held-out ppl"))
    }

    @Test func trainingLogRecordsLossHeldOutAndSamples() throws {
        let recipe = TextPretrainRecipe(seed: 3, quick: true)
        let data = try recipe.prepareData()
        let model = GPT2Model(config: recipe.config(vocabularySize: data.vocabulary.count), seed: recipe.modelSeed)
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: recipe.settings)
        let ctx = DemoContext(demoID: "pretrain-text", quick: true) { _ in }
        let log = TextPretrainRun(recipe: recipe, trainer: trainer, vocabulary: data.vocabulary,
                                  heldOutPieces: recipe.progressPieces(data.heldOutTokens)).train(ctx)
        #expect(log.losses.count == recipe.steps)
        #expect(log.heldOut.map(\.step) == [recipe.steps / 2, recipe.steps])
        #expect(abs(log.losses[0] - Foundation.log(Double(data.vocabulary.count))) < 0.3)   // a uniform guess at first
        #expect(log.heldOut.last!.loss < log.losses[0] - 1)
        #expect(log.samples.map(\.prompt) == recipe.prompts)
        // As many characters as asked for, or as the context leaves after the prompt.
        #expect(log.samples.allSatisfy { $0.text.count == min(recipe.sampleLength, model.contextLength - $0.prompt.count) })
        // Samples are seeded: the same model and seed write the same text.
        let again = TextPretrainRun.sample(model, data.vocabulary, prompt: "The model ", recipe: recipe, seed: 9)
        #expect(again == TextPretrainRun.sample(model, data.vocabulary, prompt: "The model ", recipe: recipe, seed: 9))
    }

    @Test func recipeReadsTheLessonsOfThisCheckout() throws {
        let data = try TextPretrainRecipe(seed: 42, quick: true).prepareData()
        #expect(data.split == (try CourseTextCorpus.split(courseRoot: TextPretrainRecipe.courseRoot)))
        #expect(data.trainingTokens.count == data.split.train.count)
        #expect(data.heldOutTokens.count == data.split.heldOut.count)
        let pieces = TextPretrainRecipe(seed: 42, quick: false).progressPieces(data.heldOutTokens)
        #expect(pieces.count == 8 && pieces.allSatisfy { $0.count == 750 })
        #expect(pieces.last! == Array(data.heldOutTokens[(7 * (data.heldOutTokens.count / 8))...].prefix(750)))
        #expect(data.vocabulary.decode(Array(data.trainingTokens.prefix(200))) == String(data.split.train.prefix(200).map { data.vocabulary.id($0) == 0 ? CharacterVocabulary.unknown : $0 }))
    }
}
