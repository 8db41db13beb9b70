import Figures
import Foundation
import NeuralNets
import Tensors

/// `llmcourse run init-stats`: the spread of activations and gradients through a deep stack,
/// layer by layer, for good and bad choices of initial weights.
enum InitializationDemo {
    static let demo = Demo(id: "init-stats", summary: "Activation statistics through 20 layers: Xavier, He and bad initial weights",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/NeuralNets"]) { ctx in
        try probe(ctx)
    }

    /// Full names for the table; the figures (one per activation) name the weights only.
    static let choices: [(name: String, short: String, activation: Activation, initialization: WeightInitialization)] = [
        ("tanh, N(0, 0.01²)", "N(0, 0.01²)", .tanh, .normal(std: 0.01)),
        ("tanh, N(0, 1)", "N(0, 1)", .tanh, .normal(std: 1)),
        ("tanh, Xavier (gain 5/3)", "Xavier, gain 5/3", .tanh, .xavierNormal(gain: WeightInitialization.gain(for: .tanh))),
        ("ReLU, Xavier (gain 1)", "Xavier, gain 1", .relu, .xavierNormal(gain: 1)),
        ("ReLU, He (gain √2)", "He, gain √2", .relu, .kaimingNormal(gain: WeightInitialization.gain(for: .relu))),
    ]

    static func probe(_ ctx: DemoContext) throws {
        let depth = 20, width = ctx.quick ? 64 : 256, batch = ctx.quick ? 64 : 256
        ctx.heading(ctx.tr("{0} layers of width {1}, no biases, {2} standard-normal inputs", String(depth), String(width), String(batch)))
        var tanhPlot = LinePlot(title: ctx.tr("tanh: activation std by layer"), xLabel: ctx.tr("layer"), yLabel: ctx.tr("log10 std"))
        var reluPlot = LinePlot(title: ctx.tr("ReLU: activation std by layer"), xLabel: ctx.tr("layer"), yLabel: ctx.tr("log10 std"))
        var rows: [[String]] = []
        for choice in choices {
            var rng = SplitMix64(seed: ctx.seed)
            let stats = probeDeepStack(depth: depth, width: width, batch: batch, activation: choice.activation,
                                       initialization: choice.initialization, rng: &rng)
            let curve = (xs: stats.map { Double($0.layer) }, ys: stats.map { log10(max($0.std, 1e-30)) })
            if choice.activation == .tanh { tanhPlot.add(ctx.tr(choice.short), xs: curve.xs, ys: curve.ys) }
            else { reluPlot.add(ctx.tr(choice.short), xs: curve.xs, ys: curve.ys) }
            rows.append([ctx.tr(choice.name), short(stats[0].std), short(stats[depth - 1].std),
                         fixed(stats[depth - 1].saturated * 100, 0) + "%",
                         short(stats[0].weightGradientStd), short(stats[depth - 1].weightGradientStd)])
        }
        ctx.table([ctx.tr("activation, weights"), ctx.tr("std L1"), ctx.tr("std L20"),
                   ctx.tr("flat L20"), ctx.tr("∂W L1"), ctx.tr("∂W L20")], rows)
        try ctx.show("tanh-std", tanhPlot, height: 10)
        try ctx.show("relu-std", reluPlot, height: 8)
        ctx.say("'flat': outputs where the derivative is about 0 (|tanh| > 0.99, ReLU = 0).")
        ctx.say("'∂W': std of the weight gradients in the first and last layers.")
        ctx.say("Too small, and the signal shrinks at every layer until nothing arrives;")
        ctx.say("too large, and tanh saturates while gradients grow towards the input.")
        ctx.say("Xavier keeps a tanh stack alive; ReLU halves the signal's second moment")
        ctx.say("at every layer, and He's extra √2 puts it back.")
    }

    /// Three significant digits, in scientific notation when far from 1.
    static func short(_ x: Double) -> String {
        if !x.isFinite { return "∞" }
        if x != 0 && (Swift.abs(x) < 0.01 || Swift.abs(x) >= 1000) { return String(format: "%.1e", x) }
        return String(format: "%.3f", x)
    }
}
