import Figures
import Foundation
import Transformers

/// The training loop of the `pretrain` demo with what a real run is watched by: the loss of
/// every step, the learning rate, tokens per second, and now and then the loss on validation
/// text the model never trains on.
///
/// `PreTrainer.step()` does the work (batch, forward, loss, backward, clip, AdamW); this loop
/// only measures around it. The learning rate shown is the schedule `PreTrainer` applies at that
/// step, recomputed from the recipe because the trainer keeps its schedule private.
struct PretrainRun {
    /// What the loop recorded.
    struct Log {
        var losses: [Double] = []
        var learningRates: [Double] = []
        /// `(step, validation loss)` at each progress row.
        var validation: [(step: Int, loss: Double)] = []
        /// `(step, exact match on a sample of held-out sums)` at each progress row.
        var accuracy: [(step: Int, share: Double)] = []
        var seconds: Double = 0
        var tokensPerSecond: Double = 0
    }

    let recipe: PretrainRecipe
    let trainer: PreTrainer
    let validationTokens: [Int]
    /// Exact match on a sample of held-out sums, measured at each progress row.
    let sampleAccuracy: () -> Double

    /// Trains for `recipe.steps` steps. Prints a table row `recipe.reports` times through `ctx`
    /// (validation loss and held-out exact match are measured for each row, off the clock),
    /// and reports each step as progress (a live line on a terminal, see ``DemoContext/progress(_:total:)``).
    func train(_ ctx: DemoContext) -> Log {
        var log = Log()
        let settings = trainer.settings
        let tokensPerStep = Double(settings.batchSize * settings.windowLength)
        let every = max(1, recipe.steps / recipe.reports)
        let live = ctx.progress("training", total: recipe.steps)
        defer { live.finish() }
        // Training time only: the measurements for each row are taken off the clock.
        var trainingSeconds = 0.0
        var row = (step: 0, seconds: 0.0)
        // Translated headers may be wider or narrower than the English ones: the rows follow the
        // header, and columns that do not fit the width are dropped.
        let widths = Self.header.map { max($0.count, displayWidth(ctx.tr($0))) }
        let shown = Self.columns(fitting: ctx.width, widths: widths)
        ctx.table(shown.map { c in
            let text = ctx.tr(Self.header[c]), pad = String(repeating: " ", count: widths[c] - displayWidth(text))
            return c == 0 ? text + pad : pad + text
        }, [])
        for step in 0..<recipe.steps {
            let rate = recipe.schedule.learningRate(at: step)
            let stepStart = Date()
            let loss = Double(trainer.step())
            trainingSeconds += Date().timeIntervalSince(stepStart)
            log.losses.append(loss)
            log.learningRates.append(Double(rate))
            let speed = Double(step + 1) * tokensPerStep / max(trainingSeconds, 1e-9)
            live.advance(note: "loss \(fixed(loss, 3)) · lr \(sci(Double(rate))) · \(Int(speed)) tokens/s")
            guard (step + 1) % every == 0 || step + 1 == recipe.steps else { continue }
            let validation = Double(trainer.evaluationLoss(validationTokens, windows: recipe.validationWindows.progress))
            log.validation.append((step + 1, validation))
            let accuracy = sampleAccuracy()
            log.accuracy.append((step + 1, accuracy))
            let recent = log.losses[row.step...]
            let rowSpeed = Double(step + 1 - row.step) * tokensPerStep / max(trainingSeconds - row.seconds, 1e-9)
            row = (step + 1, trainingSeconds)
            ctx.print(format([String(step + 1), fixed(recent.reduce(0, +) / Double(recent.count), 3), fixed(validation, 3),
                              fixed(Foundation.exp(validation), 2), percent(accuracy), sci(Double(rate)), String(Int(rowSpeed)),
                              "\(Int(trainingSeconds)) s"], shown, widths: widths))
        }
        log.seconds = trainingSeconds
        log.tokensPerSecond = Double(recipe.steps) * tokensPerStep / max(trainingSeconds, 1e-9)
        return log
    }

    static let header = ["step", "train loss", "val. loss", "val. ppl", "held-out", "learning rate", "tokens/s", "elapsed"]

    /// The columns that fit `width`: all eight take 81 columns; a narrower terminal drops, in
    /// turn, the perplexity (the exponential of the validation loss beside it), the speed and
    /// the elapsed time, rather than wrap the rows.
    static func columns(fitting width: Int, widths: [Int] = header.map(\.count)) -> [Int] {
        var shown = Array(header.indices)
        for dropped in [3, 6, 7] where shown.map({ widths[$0] + 2 }).reduce(-2, +) > width {
            shown.removeAll { $0 == dropped }
        }
        return shown
    }

    /// A row aligned under the header `ctx.table` printed (the same column widths).
    func format(_ cells: [String], _ shown: [Int], widths: [Int]) -> String {
        shown.map { c in
            let pad = String(repeating: " ", count: max(0, widths[c] - cells[c].count))
            return c == 0 ? cells[c] + pad : pad + cells[c]
        }.joined(separator: "  ")
    }
}
