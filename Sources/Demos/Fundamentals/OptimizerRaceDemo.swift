import Autograd
import Figures
import Foundation
import Fundamentals
import NeuralNets
import Tensors

/// `llmcourse run optimizer-race`: SGD, momentum, RMSprop, Adam and AdamW train the same
/// network from the same initial weights on the same data; one figure holds the five loss curves.
enum OptimizerRaceDemo {
    static let demo = Demo(id: "optimizer-race", summary: "SGD, momentum, RMSprop, Adam and AdamW race on the same network and data",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals", "Sources/NeuralNets"]) { ctx in
        try race(ctx)
    }

    /// Each optimizer with the learning rate it is usually run at (none was tuned to this problem).
    /// Full names for the table, short ones for the figure's legend.
    static let contenders: [(name: String, short: String, make: @Sendable ([Variable]) -> any Optimizer)] = [
        ("SGD, rate 0.1", "SGD", { SGD($0, learningRate: 0.1) }),
        ("SGD + momentum 0.9, rate 0.1", "momentum", { SGD($0, learningRate: 0.1, momentum: 0.9) }),
        ("RMSprop, rate 0.01", "RMSprop", { RMSprop($0, learningRate: 0.01) }),
        ("Adam, rate 0.01", "Adam", { Adam($0, learningRate: 0.01) }),
        ("AdamW, rate 0.01, decay 0.1", "AdamW", { Adam.adamW($0, learningRate: 0.01, weightDecay: 0.1) }),
    ]

    static func race(_ ctx: DemoContext) throws {
        var rng = SplitMix64(seed: ctx.seed)
        let data = ClassificationData.spirals(perClass: 100, rng: &rng)
        let steps = ctx.quick ? 100 : 600
        let initSeed = rng.next()
        ctx.heading(ctx.tr("Two spirals, 2 → 32 → 32 → 2 tanh, {0} full-batch steps each", String(steps)))
        ctx.say("Every run starts from the same initial weights; only the update rule differs.")
        var plot = LinePlot(title: ctx.tr("training loss by optimizer"), xLabel: ctx.tr("step"), yLabel: ctx.tr("log10 cross-entropy"))
        var rows: [[String]] = []
        let progress = ctx.progress("racing the optimizers", total: contenders.count)
        for contender in contenders {
            progress.note(contender.name)
            var modelRNG = SplitMix64(seed: initSeed)
            let model = MLPClassifier(hidden: [32, 32], rng: &modelRNG)
            let record = train(model, on: data, optimizer: contender.make(model.trainableParameters()), steps: steps)
            plot.add(ctx.tr(contender.short), ys: record.trainLoss.map { log10(max($0, 1e-6)) })
            let checkpoints = [steps / 10, steps / 2, steps - 1].map { fixed(record.trainLoss[$0], 3) }
            rows.append([ctx.tr(contender.name)] + checkpoints + [fixed(model.evaluate(data).accuracy * 100, 1) + "%"])
            progress.advance()
        }
        progress.finish()
        try ctx.show("race", plot, height: 12)
        ctx.table([ctx.tr("optimizer"), ctx.tr("loss @{0}", String(steps / 10)), ctx.tr("loss @{0}", String(steps / 2)),
                   ctx.tr("loss @{0}", String(steps)), ctx.tr("accuracy")], rows)
        ctx.say("Plain SGD moves every weight by rate × gradient; where gradients are")
        ctx.say("small it crawls. Momentum adds up steps that agree. RMSprop and Adam")
        ctx.say("divide by each weight's typical gradient size, so small-gradient")
        ctx.say("directions get steps of about the learning rate too.")
    }
}
