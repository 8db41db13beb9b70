import Autograd
import Figures
import Foundation
import Fundamentals
import NeuralNets
import Tensors

/// `llmcourse run batchnorm`: what batch norm and layer norm each normalize, batch norm's two
/// modes and running statistics, and a deep network trained with each and with neither.
enum NormalizationDemo {
    static let demo = Demo(id: "batchnorm", summary: "BatchNorm vs LayerNorm: columns vs rows, running statistics, a deep network trained",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals", "Sources/NeuralNets"]) { ctx in
        var rng = SplitMix64(seed: ctx.seed)
        axes(ctx, rng: &rng)
        modes(ctx, rng: &rng)
        try deepTraining(ctx)
    }

    /// Three features on very different scales: mean 5 (std 0.1), mean 0 (std 10), mean −3 (std 1).
    static func batch(_ rows: Int, rng: inout SplitMix64) -> Tensor {
        Tensor(shape: [rows, 3], scalars: (0..<rows).flatMap { _ in
            [5 + 0.1 * rng.nextNormal(), 10 * rng.nextNormal(), -3 + rng.nextNormal()]
        })
    }

    static func meanStd(_ values: [Float]) -> (Double, Double) {
        let v = values.map(Double.init), mean = v.reduce(0, +) / Double(v.count)
        return (mean, (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot())
    }

    static func axes(_ ctx: DemoContext, rng: inout SplitMix64) {
        ctx.heading(ctx.tr("One batch of 8 rows × 3 features, normalized two ways"))
        let x = batch(8, rng: &rng)
        let bn = withNoGrad { BatchNorm(3)(Variable(x)).value }
        let ln = withNoGrad { LayerNorm(3)(Variable(x)).value }
        func column(_ t: Tensor, _ c: Int) -> [Float] { (0..<8).map { t.scalars[$0 * 3 + c] } }
        func row(_ t: Tensor, _ r: Int) -> [Float] { Array(t.scalars[(r * 3)..<(r * 3 + 3)]) }
        ctx.table([ctx.tr("feature"), ctx.tr("input mean"), ctx.tr("input std"), ctx.tr("BatchNorm mean"), ctx.tr("BatchNorm std")],
                  (0..<3).map { c in
                      let (m, s) = meanStd(column(x, c)), (bm, bs) = meanStd(column(bn, c))
                      return [String(c), fixed(m, 2), fixed(s, 2), fixed(abs(bm), 3), fixed(bs, 3)]
                  })
        ctx.table([ctx.tr("row"), ctx.tr("input"), ctx.tr("LayerNorm output"), ctx.tr("LayerNorm mean"), ctx.tr("LayerNorm std")],
                  (0..<3).map { r in
                      let (lm, ls) = meanStd(row(ln, r))
                      return [String(r), row(x, r).map { fixed(Double($0), 1) }.joined(separator: " "),
                              row(ln, r).map { fixed(Double($0), 2) }.joined(separator: " "), fixed(abs(lm), 3), fixed(ls, 3)]
                  })
        ctx.say("BatchNorm gives each feature (column) mean 0 and std 1 over the batch.")
        ctx.say("LayerNorm gives each example (row) mean 0 and std 1 over its features;")
        ctx.say("with features on such different scales, that mostly ranks them.")
    }

    static func modes(_ ctx: DemoContext, rng: inout SplitMix64) {
        ctx.heading(ctx.tr("Training mode depends on the batch; evaluation mode does not"))
        let norm = BatchNorm(3)
        let example = Tensor([[5, 0, -3]])
        let batchA = Tensor.concatenate([example, batch(7, rng: &rng)], axis: 0)
        let batchB = Tensor.concatenate([example, batch(7, rng: &rng) * 0.5], axis: 0)
        let inA = withNoGrad { norm(Variable(batchA)).value.scalars.prefix(3) }
        let inB = withNoGrad { norm(Variable(batchB)).value.scalars.prefix(3) }
        ctx.say("The example [5, 0, −3] in training batch A → {0}", inA.map { fixed(Double($0), 2) }.joined(separator: " "))
        ctx.say("The same example in training batch B → {0}", inB.map { fixed(Double($0), 2) }.joined(separator: " "))
        var rows: [[String]] = []
        let steps = ctx.quick ? 20 : 60
        for step in 1...steps {
            _ = withNoGrad { norm(Variable(batch(32, rng: &rng))) }
            if [1, 5, 10, 20, 40, 60].contains(step + 2) || step == steps {
                rows.append([String(step + 2)] + norm.runningMean.map { fixed(Double($0), 2) }
                            + norm.runningVariance.map { fixed(Double($0), 1) })
            }
        }
        ctx.table([ctx.tr("batches"), ctx.tr("mean 0"), ctx.tr("mean 1"), ctx.tr("mean 2"), ctx.tr("var 0"), ctx.tr("var 1"), ctx.tr("var 2")], rows)
        ctx.say("The running statistics approach the data's: means 5, 0, −3, variances")
        ctx.say("0.01, 100, 1. Momentum 0.1 moves them a tenth of the way per batch.")
        norm.setTraining(false)
        let evalA = withNoGrad { norm(Variable(batchA)).value.scalars.prefix(3) }
        let evalB = withNoGrad { norm(Variable(batchB)).value.scalars.prefix(3) }
        ctx.say("Evaluation mode, batch A or B → {0} ({1})",
                evalA.map { fixed(Double($0), 2) }.joined(separator: " "),
                evalA.elementsEqual(evalB) ? ctx.tr("identical") : ctx.tr("different"))
    }

    static func deepTraining(_ ctx: DemoContext) throws {
        var rng = SplitMix64(seed: ctx.seed)
        let data = ClassificationData.spirals(perClass: 100, rng: &rng)
        let steps = ctx.quick ? 40 : 300
        let sizes = [2] + Array(repeating: 64, count: 8) + [2]
        let initSeed = rng.next()
        ctx.heading(ctx.tr("Two spirals, 8 hidden ReLU layers of 64, {0} full-batch steps", String(steps)))
        ctx.say("Weights start as PyTorch's default; every run starts from the same ones.")
        let optimizers: [(name: String, make: ([Variable]) -> any Optimizer)] = [
            ("SGD + momentum, rate 0.01", { SGD($0, learningRate: 0.01, momentum: 0.9) }),
            ("Adam, rate 0.003", { Adam($0, learningRate: 0.003) }),
        ]
        var plot = LinePlot(title: ctx.tr("SGD + momentum: deep ReLU network"), xLabel: ctx.tr("step"), yLabel: ctx.tr("cross-entropy"))
        var rows: [[String]] = []
        let progress = ctx.progress("training deep networks", total: optimizers.count * HiddenNormalization.allCases.count)
        for optimizer in optimizers {
            for normalization in HiddenNormalization.allCases {
                var modelRNG = SplitMix64(seed: initSeed)
                let model = NormalizedMLP(sizes, normalization: normalization, activation: .relu, rng: &modelRNG)
                let step = optimizer.make(model.parameters())
                let x = Variable(data.inputs)
                var losses: [Double] = []
                for _ in 0..<steps {
                    step.zeroGrad()
                    let loss = crossEntropy(model(x), targets: data.labels)
                    loss.backward()
                    step.step()
                    losses.append(Double(loss.value.scalar))
                }
                model.setTraining(false)
                let predicted = withNoGrad { model(x).value.argmax(axis: -1) }
                let accuracy = Double(zip(predicted, data.labels).filter { $0 == $1 }.count) / Double(data.count)
                let norm = ctx.tr(normalization == .none ? "no normalization" : normalization == .batch ? "BatchNorm" : "LayerNorm")
                if optimizer.name.hasPrefix("SGD") { plot.add(norm, ys: losses) }   // Adam's three all converge: see the table
                rows.append([ctx.tr(optimizer.name), norm, fixed(losses[steps / 3], 3), fixed(losses[steps - 1], 4),
                             fixed(accuracy * 100, 1) + "%"])
                progress.advance()
            }
        }
        progress.finish()
        try ctx.show("deep-training", plot, height: 12)
        ctx.table([ctx.tr("optimizer"), ctx.tr("hidden layers"), ctx.tr("loss @{0}", String(steps / 3)), ctx.tr("loss @{0}", String(steps)),
                   ctx.tr("eval accuracy")], rows)
    }
}
