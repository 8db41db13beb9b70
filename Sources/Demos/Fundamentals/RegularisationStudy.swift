import Autograd
import Figures
import Foundation
import Fundamentals
import NeuralNets
import Tensors

/// Over-fitting on purpose — a big network, a small noisy training set — and what dropout,
/// weight decay and early stopping do about it. Every number in the table is computed here.
enum RegularisationStudy {
    struct Outcome {
        let name: String
        let trainAccuracy: Double, validationAccuracy: Double, validationLoss: Double
        let bestStep: Int
    }

    static func run(_ ctx: DemoContext) throws {
        var rng = SplitMix64(seed: ctx.seed &+ 7)
        let trainSet = ClassificationData.moons(perClass: 15, noise: 0.3, rng: &rng)
        let validation = ClassificationData.moons(perClass: 200, noise: 0.3, rng: &rng)
        let steps = ctx.quick ? 600 : 1_500
        let every = 10
        ctx.heading(ctx.tr("Over-fitting: {0} noisy training points, a 2 → 128 → 128 → 2 network, {1} steps", String(trainSet.count), String(steps)))
        ctx.say("Validation: {0} fresh points from the same distribution.", String(validation.count))

        var outcomes: [Outcome] = []
        var plot = LinePlot(title: ctx.tr("validation loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("cross-entropy"))
        // L1 and L2 add a term to the loss (on the weights, not the biases); weight decay acts in the optimizer.
        // `short` names the curve in the figure, whose legend must fit one line.
        let configurations: [(name: String, short: String, dropout: Float, weightDecay: Float, l1: Float, l2: Float)] = [
            ("no regularization", "none", 0, 0, 0, 0), ("dropout 0.5", "dropout", 0.5, 0, 0, 0),
            ("weight decay 1.0", "decay", 0, 1.0, 0, 0),
            ("L2 penalty 0.003", "L2", 0, 0, 0, 0.003), ("L1 penalty 0.001", "L1", 0, 0, 0.001, 0),
        ].filter { !ctx.quick || ($0.l1 == 0 && $0.l2 == 0) }   // the quick path (tests) keeps the first three
        var plainModel: MLPClassifier?
        var plainRecord = TrainingRecord(), l2Record = TrainingRecord()
        let runs = ctx.progress("training with and without regularization", total: configurations.count + 1)
        for config in configurations {
            runs.note(config.name)
            var modelRNG = SplitMix64(seed: ctx.seed &+ 11)   // same initial weights for every run
            let model = MLPClassifier(hidden: [128, 128], dropout: config.dropout, rng: &modelRNG)
            let optimizer = regularisedOptimizer(for: model, learningRate: 0.01, weightDecay: config.weightDecay)
            let weights = model.layers.map(\.weight)
            let penalty: (() -> Variable)? = config.l2 > 0 ? { l2Penalty(weights, strength: config.l2) }
                : config.l1 > 0 ? { l1Penalty(weights, strength: config.l1) } : nil
            let record = train(model, on: trainSet, validation: validation, optimizer: optimizer, steps: steps,
                               evaluateEvery: every, penalty: penalty)
            if config.l2 > 0 { l2Record = record }
            outcomes.append(Outcome(name: ctx.tr(config.name), trainAccuracy: model.evaluate(trainSet).accuracy,
                                    validationAccuracy: record.validationAccuracy.last!, validationLoss: record.validationLoss.last!,
                                    bestStep: record.bestStep(every: every)))
            plot.add(ctx.tr(config.short), xs: record.validationLoss.indices.map { Double($0 * every) }, ys: record.validationLoss)
            if plainModel == nil { plainModel = model; plainRecord = record }
            runs.advance()
        }
        runs.note("early stopping")
        // Early stopping: the unregularized run again, from the same initial weights, stopped
        // where its validation loss was lowest.
        var modelRNG = SplitMix64(seed: ctx.seed &+ 11)
        let model = MLPClassifier(hidden: [128, 128], rng: &modelRNG)
        let bestStep = outcomes[0].bestStep
        trainStoppingEarly(model, on: trainSet, bestStep: bestStep, learningRate: 0.01)
        let stopped = model.evaluate(validation)
        runs.advance()
        runs.finish()
        outcomes.append(Outcome(name: ctx.tr("early stopping"), trainAccuracy: model.evaluate(trainSet).accuracy,
                                validationAccuracy: stopped.accuracy, validationLoss: stopped.loss, bestStep: bestStep))

        var curves = LinePlot(title: ctx.tr("no regularization: train vs validation loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("cross-entropy"))
        curves.add(ctx.tr("train"), ys: plainRecord.trainLoss)
        curves.add(ctx.tr("validation"), xs: plainRecord.validationLoss.indices.map { Double($0 * every) }, ys: plainRecord.validationLoss)
        try ctx.show("overfitting", curves, height: 10)
        var cured = LinePlot(title: ctx.tr("L2 penalty: train vs validation loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("cross-entropy"))
        cured.add(ctx.tr("train"), ys: l2Record.trainLoss)
        cured.add(ctx.tr("validation"), xs: l2Record.validationLoss.indices.map { Double($0 * every) }, ys: l2Record.validationLoss)
        if !l2Record.trainLoss.isEmpty { try ctx.show("l2-cure", cured, height: 10) }
        try ctx.show("regularization", plot, height: 10)
        ctx.table([ctx.tr("run"), ctx.tr("train acc"), ctx.tr("val acc"), ctx.tr("val loss"), ctx.tr("best step")], outcomes.map {
            [$0.name, fixed($0.trainAccuracy * 100, 1) + "%", fixed($0.validationAccuracy * 100, 1) + "%", fixed($0.validationLoss, 3), String($0.bestStep)]
        })
        let plain = outcomes[0]
        ctx.say("Without regularization the training accuracy reaches {0}% while the validation loss", fixed(plain.trainAccuracy * 100, 1))
        ctx.say("bottoms out at step {0} and then climbs to {1}: the network memorizes noise.", String(plain.bestStep), fixed(plain.validationLoss, 3))
        _ = plainModel
    }
}
