import Autograd
import Figures
import Foundation
import NeuralNets
import Tensors

/// `llmcourse run mixture-of-experts`: a top-2-of-8 mixture of experts against a dense network
/// with as many active parameters, on a task with eight regimes; the router with and without
/// the load-balancing loss, the experts' shares over training, and which regime goes where.
enum MixtureOfExpertsDemo {
    static let demo = Demo(
        id: "mixture-of-experts",
        summary: "A top-2-of-8 mixture of experts against a dense network of equal active size: loss, expert usage with and without balancing",
        inputs: ["Sources/NeuralNets/MoE", "Sources/Demos/FineTuning/MixtureOfExpertsDemo.swift"]
    ) { ctx in try run(ctx) }

    static let (inputs, outputs, regimes, experts, k, hidden) = (8, 4, 8, 8, 2, 16)

    /// A model under training: its forward pass, parameters and what it logs.
    final class Run {
        let name: String
        let forward: (Variable) -> (Variable, TopKRouter.Routing?)
        let optimizer: Adam
        let balance: Float
        var testLoss: [Double] = []
        var shares: [[Double]] = []          // per logging step, per expert
        init(_ name: String, parameters: [Variable], balance: Float, forward: @escaping (Variable) -> (Variable, TopKRouter.Routing?)) {
            self.name = name
            self.forward = forward
            optimizer = Adam(parameters, learningRate: 3e-3)
            self.balance = balance
        }

        // ANCHOR: train-step
        func step(_ x: Tensor, _ y: Tensor) {
            let (prediction, routing) = forward(Variable(x))
            var loss = meanSquaredError(prediction, y)
            if let routing, balance > 0 { loss = loss + loadBalancingLoss(routing) * balance }
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
        }
        // ANCHOR_END: train-step
    }

    static func run(_ ctx: DemoContext) throws {
        let task = RegimeTask(regimes: regimes, inputs: inputs, outputs: outputs, seed: ctx.seed)
        var rng = SplitMix64(seed: ctx.seed &+ 1)
        let test = task.batch(2048, rng: &rng)
        let moe = MixtureOfExperts(inputs: inputs, hidden: hidden, outputs: outputs, experts: experts, k: k, rng: &rng)
        let unbalanced = MixtureOfExperts(inputs: inputs, hidden: hidden, outputs: outputs, experts: experts, k: k, rng: &rng)
        // The dense network gets the hidden width that matches the mixture's active parameters.
        let denseHidden = (moe.activeParameterCount - outputs) / (inputs + 1 + outputs)
        let up = Linear(inputs, denseHidden, activation: .relu, rng: &rng), down = Linear(denseHidden, outputs, rng: &rng)
        let runs = [
            Run(ctx.tr("dense"), parameters: (up.namedParameters() + down.namedParameters()).map(\.parameter), balance: 0) { (down(up($0)), nil) },
            Run(ctx.tr("MoE, balancing loss 0.01"), parameters: moe.namedParameters().map(\.parameter), balance: 0.01) { let r = moe($0); return (r.output, r.routing) },
            Run(ctx.tr("MoE, no balancing loss"), parameters: unbalanced.namedParameters().map(\.parameter), balance: 0) { let r = unbalanced($0); return (r.output, r.routing) },
        ]
        let steps = ctx.quick ? 60 : 1500, every = ctx.quick ? 20 : 50
        ctx.heading(ctx.tr("{0} regimes, each its own map; {1} steps of batch 128 for each model", "\(regimes)", "\(steps)"))
        let training = ctx.progress(ctx.tr("training"), total: steps)
        for step in 1...steps {
            let (x, y, _) = task.batch(128, rng: &rng)
            for run in runs { run.step(x, y) }
            if step % every == 0 {
                for run in runs {
                    let (prediction, routing) = withNoGrad { run.forward(Variable(test.x)) }
                    run.testLoss.append(Double(meanSquaredError(prediction, test.y).value.scalar))
                    if let routing { run.shares.append(routing.expertShares) }
                }
            }
            training.advance()
        }
        training.finish()
        report(ctx, runs, moe: moe, dense: (up, down), every: every)
        try usage(ctx, runs, every: every)
        try specialization(ctx, moe, test)
    }

    static func report(_ ctx: DemoContext, _ runs: [Run], moe: MixtureOfExperts, dense: (Linear, Linear), every: Int) {
        let denseCount = (dense.0.namedParameters() + dense.1.namedParameters()).map(\.parameter.value.count).reduce(0, +)
        let total = moe.namedParameters().map(\.parameter.value.count).reduce(0, +)
        ctx.table([ctx.tr("model"), ctx.tr("parameters"), ctx.tr("active per token"), ctx.tr("test MSE")], runs.enumerated().map { i, run in
            [run.name, "\(i == 0 ? denseCount : total)", "\(i == 0 ? denseCount : moe.activeParameterCount)",
             String(format: "%.4f", run.testLoss.last ?? .nan)]
        })
        for run in runs.dropFirst() {
            let last = run.shares.last ?? []
            ctx.say("{0}: experts used {1} of {2}; the busiest takes {3} of the slots", run.name,
                    "\(last.filter { $0 > 0.01 }.count)", "\(last.count)", percent(last.max() ?? 0))
        }
    }

    /// Each expert's share of the routed slots over training, one figure per router.
    static func usage(_ ctx: DemoContext, _ runs: [Run], every: Int) throws {
        for (name, run) in [("usage-balanced", runs[1]), ("usage-unbalanced", runs[2])] {
            var plot = LinePlot(title: ctx.tr("{0}: share of slots per expert", run.name), xLabel: ctx.tr("step"), yLabel: ctx.tr("share"))
            for e in 0..<experts {
                plot.add("\(e)", xs: run.shares.indices.map { Double(($0 + 1) * every) }, ys: run.shares.map { $0[e] })
            }
            try ctx.show(name, plot, height: 10)
        }
    }

    /// Which experts each regime's inputs go to, in the balanced mixture.
    static func specialization(_ ctx: DemoContext, _ moe: MixtureOfExperts, _ test: (x: Tensor, y: Tensor, regime: [Int])) throws {
        let routing = withNoGrad { moe(Variable(test.x)).routing }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: experts), count: regimes)
        for (row, chosen) in routing.chosen.enumerated() { for e in chosen { counts[test.regime[row]][e] += 1 } }
        let shares = counts.map { row in row.map { $0 / max(row.reduce(0, +), 1) } }
        try ctx.show("specialization", HeatMap(title: ctx.tr("share of each regime's slots per expert (balanced router)"), values: shares,
                                              rowLabels: (0..<regimes).map { "r\($0)" }, columnLabels: (0..<experts).map { "e\($0)" },
                                              range: 0...1))
        let focused = shares.map { $0.sorted(by: >).prefix(k).reduce(0, +) }
        ctx.say("on average {0} of a regime's slots go to its two busiest experts", percent(focused.reduce(0, +) / Double(regimes)))
    }
}
