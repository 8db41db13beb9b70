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
    /// and keeps one live line on standard error up to date when that is a terminal.
    func train(_ ctx: DemoContext) -> Log {
        var log = Log()
        let settings = trainer.settings
        let tokensPerStep = Double(settings.batchSize * settings.windowLength)
        let every = max(1, recipe.steps / recipe.reports)
        let live = LiveLine(enabled: !ctx.quick && LiveLine.standardErrorIsTerminal, width: ctx.width)
        // Training time only: the measurements for each row are taken off the clock.
        var trainingSeconds = 0.0
        var row = (step: 0, seconds: 0.0)
        // Translated headers may be wider or narrower than the English ones: the rows follow the header.
        let columns = ["step", "train loss", "val. loss", "val. ppl", "held-out", "learning rate", "tokens/s", "elapsed"]
        let widths = columns.map { max($0.count, displayWidth(ctx.tr($0))) }
        ctx.table(zip(columns, widths).enumerated().map { c, column in
            let text = ctx.tr(column.0), pad = String(repeating: " ", count: column.1 - displayWidth(text))
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
            live.update("step \(step + 1)/\(recipe.steps)  loss \(fixed(loss, 3))  lr \(sci(Double(rate)))  "
                        + "\(Int(speed)) tokens/s  \(Int(trainingSeconds)) s")
            guard (step + 1) % every == 0 || step + 1 == recipe.steps else { continue }
            let validation = Double(trainer.evaluationLoss(validationTokens, windows: recipe.validationWindows.progress))
            log.validation.append((step + 1, validation))
            let accuracy = sampleAccuracy()
            log.accuracy.append((step + 1, accuracy))
            let recent = log.losses[row.step...]
            let rowSpeed = Double(step + 1 - row.step) * tokensPerStep / max(trainingSeconds - row.seconds, 1e-9)
            row = (step + 1, trainingSeconds)
            live.clear()
            ctx.print(format([String(step + 1), fixed(recent.reduce(0, +) / Double(recent.count), 3), fixed(validation, 3),
                              fixed(Foundation.exp(validation), 2), percent(accuracy), sci(Double(rate)), String(Int(rowSpeed)),
                              "\(Int(trainingSeconds)) s"], widths: widths))
        }
        live.clear()
        log.seconds = trainingSeconds
        log.tokensPerSecond = Double(recipe.steps) * tokensPerStep / max(trainingSeconds, 1e-9)
        return log
    }

    /// A row aligned under the header `ctx.table` printed (the same column widths).
    func format(_ cells: [String], widths: [Int] = [4, 10, 9, 8, 8, 13, 8, 7]) -> String {
        cells.enumerated().map { c, s in
            let pad = String(repeating: " ", count: max(0, widths[c] - s.count))
            return c == 0 ? s + pad : pad + s
        }.joined(separator: "  ")
    }
}

/// One status line on standard error, rewritten in place (`\r`, erase to end of line) at most
/// four times a second. Standard error, so it never mixes into captured output or pipes.
final class LiveLine {
    let enabled: Bool
    let width: Int
    private var lastDraw = Date.distantPast

    init(enabled: Bool, width: Int) {
        self.enabled = enabled
        self.width = width
    }

    static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func update(_ text: String) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = Date()
        write("\r\u{1B}[K" + String(text.prefix(max(10, width - 1))))
    }

    func clear() {
        guard enabled else { return }
        write("\r\u{1B}[K")
        lastDraw = .distantPast
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
