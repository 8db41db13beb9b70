import Figures
import Foundation
import NeuralNets

/// `llmcourse run activations`: sigmoid, tanh, ReLU and GELU side by side, values and
/// derivatives, and what the derivatives' sizes mean for a deep stack.
enum ActivationsDemo {
    static let demo = Demo(id: "activations", summary: "Sigmoid, tanh, ReLU and GELU: values and derivatives side by side",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/NeuralNets"]) { ctx in
        try compare(ctx)
    }

    static let functions: [(name: String, activation: Activation)] = [
        ("sigmoid", .sigmoid), ("tanh", .tanh), ("ReLU", .relu), ("GELU", .gelu),
    ]

    static func compare(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("f(x) and f′(x) at a few points"))
        let points: [Float] = [-3, -1, -0.5, 0, 0.5, 1, 3]
        var rows: [[String]] = []
        for f in functions {
            rows.append([f.name] + points.map { fixed(Double(f.activation($0)), 3) })
            rows.append([f.name + "′"] + points.map { fixed(Double(f.activation.derivative($0)), 3) })
        }
        ctx.table(["x"] + points.map { fixed(Double($0), 1) }, rows)

        // Two figures on the same x range: six series is as many as colors and markers can tell apart.
        let xs = stride(from: -4.0, through: 4.0, by: 0.05).map { $0 }
        var values = LinePlot(title: ctx.tr("activation functions f(x)"), xLabel: "x", yLabel: "f(x)")
        var slopes = LinePlot(title: ctx.tr("their derivatives f′(x)"), xLabel: "x", yLabel: "f′(x)")
        for f in functions {
            values.add(f.name, xs: xs, ys: xs.map { Double(f.activation(Float($0))) })
            slopes.add(f.name + "′", xs: xs, ys: xs.map { Double(f.activation.derivative(Float($0))) })
        }
        try ctx.show("activations", values, height: 12)
        try ctx.show("derivatives", slopes, height: 10)

        ctx.heading(ctx.tr("The largest derivative bounds what survives a deep stack"))
        let largest = functions.map { f in xs.map { Double(f.activation.derivative(Float($0))) }.max()! }
        ctx.table([ctx.tr("function"), ctx.tr("max f′"), ctx.tr("(max f′)¹⁰")], zip(functions, largest).map { f, m in
            [f.name, fixed(m, 3), String(format: "%.1e", pow(m, 10))]
        })
        ctx.say("Backpropagation multiplies by one f′ per layer. Sigmoid's is at most")
        ctx.say("0.25, so ten sigmoid layers shrink a gradient at least a million times.")
        ctx.say("tanh reaches 1 only at 0. ReLU passes gradients unchanged wherever it is")
        ctx.say("active and blocks them elsewhere. GELU is a smooth ReLU that lets a")
        ctx.say("little negative signal through; GPT-2 and BERT use it.")
    }
}
