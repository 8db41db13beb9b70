import Autograd
import Figures
import Foundation
import Fundamentals
import NeuralNets
import Tensors

/// `llmcourse run mlp-train`: a tensor MLP learns two spirals; then over-fitting and three cures.
enum MLPTrainDemo {
    static let demo = Demo(id: "mlp-train", summary: "An MLP learns two spirals; over-fitting vs dropout, weight decay and early stopping",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals", "Sources/NeuralNets"]) { ctx in
        let accuracy = try spirals(ctx)
        ctx.say("Final training accuracy on the spirals: {0}%", fixed(accuracy * 100, 1))
        try RegularisationStudy.run(ctx)
    }

    static func spirals(_ ctx: DemoContext) throws -> Double {
        var rng = SplitMix64(seed: ctx.seed)
        let data = ClassificationData.spirals(perClass: 100, rng: &rng)
        ctx.heading(ctx.tr("Data: two spirals, {0} points", String(data.count)))
        try ctx.show("spirals", ScatterPlot(title: ctx.tr("two spirals"), points: data.points, classes: data.labels,
                                            classNames: [ctx.tr("spiral 0"), ctx.tr("spiral 1")]), height: 14)

        let model = MLPClassifier(hidden: [32, 32], rng: &rng)
        let steps = ctx.quick ? 500 : 1_000
        ctx.heading(ctx.tr("Model: 2 → 32 → 32 → 2 with tanh, {0} parameters; Adam, rate 0.02, {1} full-batch steps", String(model.parameterCount), String(steps)))
        let optimizer = Adam(model.trainableParameters(), learningRate: 0.02)
        // Ten slices of the same full-batch run (Adam keeps its state), so progress can show.
        let training = ctx.progress("training on the spirals", total: steps)
        var record = TrainingRecord()
        for _ in 0..<10 {
            record.trainLoss += train(model, on: data, optimizer: optimizer, steps: steps / 10).trainLoss
            training.advance(steps / 10)
        }
        training.finish()
        for step in stride(from: 0, to: steps, by: steps / 5) + [steps - 1] {
            ctx.say("step {0}  cross-entropy {1}", String(format: "%4d", step), fixed(record.trainLoss[step]))
        }
        var plot = LinePlot(title: ctx.tr("training loss (cross-entropy)"), xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("train"), ys: record.trainLoss)
        try ctx.show("loss", plot, height: 10)

        // The learned decision regions: P(spiral 1) over a grid covering the data.
        let n = 24
        let grid = Tensor(shape: [n * n, 2], scalars: (0..<(n * n)).flatMap { i -> [Float] in
            [Float(-1.2 + 2.4 * Double(i % n) / Double(n - 1)), Float(1.2 - 2.4 * Double(i / n) / Double(n - 1))]
        })
        let p = withNoGrad { model(Variable(grid)).value.softmax() }
        let rows = (0..<n).map { r in (0..<n).map { c in Double(p.scalars[(r * n + c) * 2 + 1]) } }
        try ctx.show("decision", HeatMap(title: ctx.tr("P(spiral 1) over the plane (x → right, y ↑)"), values: rows, range: 0...1))
        return model.evaluate(data).accuracy
    }
}
