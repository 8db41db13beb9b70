import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run micrograd`: a scalar autograd, checked against finite differences and the
/// tensor autograd, then training a tiny network.
enum MicrogradDemo {
    static let demo = Demo(id: "micrograd", summary: "Backpropagation by hand: a scalar autograd, its gradients checked, a tiny network trained",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        let leaves = neuronGradients(ctx)
        checkAgainstFiniteDifferences(ctx, leaves)
        try trainTinyNetwork(ctx)
    }

    /// A single neuron o = tanh(x1·w1 + x2·w2 + b), its graph and every gradient.
    static func neuronExpression(_ inputs: [Double]) -> (out: Value, leaves: [Value]) {
        let x1 = Value(inputs[0], label: "x1"), x2 = Value(inputs[1], label: "x2")
        let w1 = Value(inputs[2], label: "w1"), w2 = Value(inputs[3], label: "w2")
        let b = Value(inputs[4], label: "b")
        let x1w1 = x1 * w1; x1w1.label = "x1*w1"
        let x2w2 = x2 * w2; x2w2.label = "x2*w2"
        let sum = x1w1 + x2w2; sum.label = "x1*w1+x2*w2"
        let n = sum + b; n.label = "n"
        let o = n.tanh(); o.label = "o"
        return (o, [x1, x2, w1, w2, b])
    }

    static let point: [Double] = [1.5, -0.5, 0.8, -1.2, 0.1]

    static func neuronGradients(_ ctx: DemoContext) -> [Value] {
        ctx.heading(ctx.tr("One neuron, forward and backward"))
        ctx.say("o = tanh(x1*w1 + x2*w2 + b) with x1=1.5, x2=-0.5, w1=0.8, w2=-1.2, b=0.1")
        let (o, leaves) = neuronExpression(point)
        o.backward()
        ctx.table([ctx.tr("node"), ctx.tr("op"), ctx.tr("data"), ctx.tr("grad do/dnode")], o.topologicalOrder().map { v in
            [v.label.isEmpty ? ctx.tr("(const)") : v.label, v.op.isEmpty ? ctx.tr("leaf") : v.op, fixed(v.data), fixed(v.grad)]
        })
        ctx.say("Read it bottom-up: do/do = 1; tanh passes 1 - o² = {0};", fixed(1 - o.data * o.data))
        ctx.say("a sum copies the gradient to both inputs; a product hands each input the other factor.")
        return leaves
    }

    /// Central differences (f(x+h) − f(x−h)) / 2h for each leaf, against backpropagation —
    /// and the same neuron built from 1-element tensors in the tensor autograd.
    static func checkAgainstFiniteDifferences(_ ctx: DemoContext, _ leaves: [Value]) {
        ctx.heading(ctx.tr("Check: backpropagation vs finite differences vs the tensor autograd"))
        let h = 1e-5
        let tensorGrads = TensorNeuron.gradients(point)
        var rows: [[String]] = []
        var worst = 0.0
        for (i, leaf) in leaves.enumerated() {
            var up = point, down = point
            up[i] += h; down[i] -= h
            let numeric = (neuronExpression(up).out.data - neuronExpression(down).out.data) / (2 * h)
            worst = max(worst, abs(numeric - leaf.grad))
            rows.append([leaf.label, fixed(leaf.grad, 6), fixed(numeric, 6), tensorGrads.map { fixed($0[i], 6) } ?? "n/a", sci(abs(numeric - leaf.grad))])
        }
        ctx.table([ctx.tr("leaf"), ctx.tr("backprop"), ctx.tr("finite diff"), ctx.tr("tensor autograd"), "|diff|"], rows)
        ctx.say("Largest difference to finite differences: {0} (h = 1e-5; the tensor autograd works in Float32).", sci(worst))
    }

    static func trainTinyNetwork(_ ctx: DemoContext) throws {
        ctx.heading(ctx.tr("Training a 3-4-4-1 network made of Values"))
        var rng = SplitMix64(seed: ctx.seed)
        let net = ScalarMLP(sizes: [3, 4, 4, 1], rng: &rng)
        let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
        let ys: [Double] = [1, -1, -1, 1]
        ctx.say("{0} parameters, 4 examples, targets {1}, squared-error loss, SGD with rate 0.05", String(net.parameters.count), ys.map { fixed($0, 0) }.joined(separator: ", "))
        var losses: [Double] = []
        let steps = ctx.quick ? 40 : 100
        for step in 0..<steps {
            let predictions = xs.map { net($0.map { Value($0) })[0] }
            let loss = zip(predictions, ys).map { ($0 - Value($1)).pow(2) }.reduce(Value(0), +)
            loss.backward()
            for p in net.parameters { p.data -= 0.05 * p.grad }
            losses.append(loss.data)
            if step % (steps / 5) == 0 || step == steps - 1 {
                ctx.say("step {0}  loss {1}  predictions {2}", String(format: "%3d", step), fixed(loss.data), predictions.map { fixed($0.data, 3) }.joined(separator: " "))
            }
        }
        var plot = LinePlot(title: ctx.tr("micrograd: training loss"), xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
        plot.add(ctx.tr("loss"), ys: losses)
        try ctx.show("loss", plot, height: 8)
        ctx.say("Final loss {0}: the predictions now carry the targets' signs.", fixed(losses.last ?? .nan))
    }
}
