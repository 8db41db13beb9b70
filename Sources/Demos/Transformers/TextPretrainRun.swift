import Decoding
import Figures
import Foundation
import Transformers

/// The training loop of the `pretrain-text` demo, watched like the `pretrain` demo's: the loss
/// of every step, a live line with the loss, learning rate and speed, and a table row now and
/// then with the loss on held-out lessons; at chosen rows the model also writes a sample for
/// each prompt, so one sees the text take shape.
///
/// `PreTrainer.step()` does the work; this loop only measures around it, off the clock.
struct TextPretrainRun {
    struct Log {
        var losses: [Double] = []
        /// `(step, held-out loss per character)` at each progress row.
        var heldOut: [(step: Int, loss: Double)] = []
        /// `(step, prompt, continuation)` at the sample rows.
        var samples: [(step: Int, prompt: String, text: String)] = []
        var seconds: Double = 0
        var tokensPerSecond: Double = 0
    }

    let recipe: TextPretrainRecipe
    let trainer: PreTrainer
    let vocabulary: CharacterVocabulary
    /// The held-out stretches scored at each row (spread over both languages).
    let heldOutPieces: [[Int]]

    func train(_ ctx: DemoContext) -> Log {
        var log = Log()
        let settings = trainer.settings
        let tokensPerStep = Double(settings.batchSize * settings.windowLength)
        let every = max(1, recipe.steps / recipe.reports)
        let live = ctx.progress("training", total: recipe.steps)
        defer { live.finish() }
        var trainingSeconds = 0.0
        var row = (step: 0, seconds: 0.0, number: 0)
        let header = ["step", "train loss", "held-out loss", "held-out ppl", "learning rate", "tokens/s"]
        let widths = header.map { max($0.count, displayWidth(ctx.tr($0))) }
        // A narrow terminal drops the perplexity (the exponential of the loss beside it), then
        // the speed, rather than wrap the rows.
        var shown = Array(header.indices)
        for dropped in [3, 5] where shown.map({ widths[$0] + 2 }).reduce(-2, +) > ctx.width { shown.removeAll { $0 == dropped } }
        ctx.table(shown.map { c in
            let text = ctx.tr(header[c]), pad = String(repeating: " ", count: widths[c] - displayWidth(text))
            return c == 0 ? text + pad : pad + text
        }, [])
        for step in 0..<recipe.steps {
            let rate = recipe.schedule.learningRate(at: step)
            let start = Date()
            let loss = Double(trainer.step())
            trainingSeconds += Date().timeIntervalSince(start)
            log.losses.append(loss)
            let speed = Double(step + 1) * tokensPerStep / max(trainingSeconds, 1e-9)
            live.advance(note: "loss \(fixed(loss, 3)) · lr \(sci(Double(rate))) · \(Int(speed)) tokens/s")
            guard (step + 1) % every == 0 || step + 1 == recipe.steps else { continue }
            let scores = heldOutPieces.map { TextPerplexity.evaluate(trainer.model, tokens: $0, window: settings.windowLength,
                                                                     stride: settings.windowLength) }
            let heldOut = scores.map(\.totalNegativeLogLikelihood).reduce(0, +) / Double(scores.map(\.scoredTokens).reduce(0, +))
            log.heldOut.append((step + 1, heldOut))
            let recent = log.losses[row.step...]
            let rowSpeed = Double(step + 1 - row.step) * tokensPerStep / max(trainingSeconds - row.seconds, 1e-9)
            row = (step + 1, trainingSeconds, row.number + 1)
            let cells = [String(step + 1), fixed(recent.reduce(0, +) / Double(recent.count), 3), fixed(heldOut, 3),
                         fixed(Foundation.exp(heldOut), 2), sci(Double(rate)), String(Int(rowSpeed))]
            ctx.print(shown.map { c in
                let pad = String(repeating: " ", count: max(0, widths[c] - cells[c].count))
                return c == 0 ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  "))
            guard recipe.sampleRows.contains(row.number) else { continue }
            for prompt in recipe.prompts {
                let text = Self.sample(trainer.model, vocabulary, prompt: prompt, recipe: recipe, seed: recipe.sampleSeed &+ UInt64(step))
                log.samples.append((step + 1, prompt, text))
                ctx.print("    " + Self.visible(prompt) + "│" + Self.visible(text))
            }
        }
        log.seconds = trainingSeconds
        log.tokensPerSecond = Double(recipe.steps) * tokensPerStep / max(trainingSeconds, 1e-9)
        return log
    }

    /// `length` characters sampled after `prompt` at the recipe's temperature (seeded).
    static func sample(_ model: any LanguageModel, _ vocabulary: CharacterVocabulary, prompt: String,
                       recipe: TextPretrainRecipe, seed: UInt64, length: Int? = nil) -> String {
        let ids = vocabulary.encode(prompt)
        let config = GenerationConfig(maxNewTokens: min(length ?? recipe.sampleLength, model.contextLength - ids.count),
                                      sampling: true, temperature: recipe.temperature, seed: seed)
        model.setTraining(false)
        let generation = generate(LanguageModelAdapter(model), prompt: ids, config: config)
        return vocabulary.decode(Array(generation.tokens[ids.count...]))
    }

    /// Newlines shown as ⏎ so a sample prints on one line.
    static func visible(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "⏎") }
}
