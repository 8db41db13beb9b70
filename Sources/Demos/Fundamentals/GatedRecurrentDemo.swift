import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-gated`: the "name the first symbol" task of `nlp-rnn` for the Elman, GRU
/// and LSTM cells under one training loop, and the gradient norm that reaches each step.
enum GatedRecurrentDemo {
    static let demo = Demo(id: "nlp-gated", summary: "Elman vs GRU vs LSTM on a long-memory task: accuracy and the gradient reaching each step",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        let length = ctx.quick ? 12 : 30
        let examples = ctx.quick ? 600 : 6_000
        // Adam, and gate biases of 1 so the gated cells start out remembering (see LSTMCell.init).
        let (rate, bias) = (0.01, 1.0)
        let hidden = ctx.quick ? 8 : 16
        ctx.heading(ctx.tr("Task: read {0} random symbols from {A, B, C, D}; answer with the first one", String(length)))
        ctx.say("Same loop for every cell: {0} training sequences, Adam with rate {1}, gradient norm clipped to 1, hidden size {2}; forget and update gate biases start at {3}.",
                String(examples), String(rate), String(hidden), String(bias))
        var rows: [[String]] = []
        var plot = LinePlot(title: ctx.tr("log10 |∂L/∂s_t| by position t, before training"), xLabel: "t", yLabel: ctx.tr("log10 norm"))
        func run<Cell: RecurrentCell>(_ name: String, _ make: (inout SplitMix64) -> Cell) {
            var rng = SplitMix64(seed: ctx.seed)
            var model = RecurrentClassifier(cell: make(&rng), classes: 4, rng: &rng)
            // The gradient reaching each step before any training, averaged over 100 sequences.
            var norms = [Double](repeating: 0, count: length)
            for _ in 0..<100 {
                let seq = (0..<length).map { _ in rng.nextInt(below: 4) }
                let g = model.gradientNorms(seq, label: seq[0])
                for t in 0..<length { norms[t] += g[t] / 100 }
            }
            for _ in 0..<examples {
                let seq = (0..<length).map { _ in rng.nextInt(below: 4) }
                _ = model.train(seq, label: seq[0], rate: rate)
            }
            let correct = (0..<400).filter { _ in
                let seq = (0..<length).map { _ in rng.nextInt(below: 4) }
                return model.predict(seq) == seq[0]
            }.count
            rows.append([name, String(model.cell.parameters.count), fixed(Double(correct) / 4, 1) + "%",
                         sci(norms[length - 1]), sci(norms[0]), sci(norms[0] / max(norms[length - 1], 1e-300))])
            plot.add(name, xs: (1...length).map(Double.init), ys: norms.map { log10(max($0, 1e-30)) })
        }
        run("Elman") { ElmanCell(inputSize: 4, hidden: hidden, rng: &$0) }
        run("GRU") { GRUCell(inputSize: 4, hidden: hidden, updateBias: bias, rng: &$0) }
        run("LSTM") { LSTMCell(inputSize: 4, hidden: hidden, forgetBias: bias, rng: &$0) }
        ctx.table([ctx.tr("cell"), ctx.tr("parameters"), ctx.tr("test accuracy"), "|∂L/∂s_T|", "|∂L/∂s_1|", ctx.tr("ratio s_1/s_T")], rows)
        try ctx.show("gradient-norms", plot, height: 10)
        ctx.say("The Elman cell multiplies the gradient by W_hᵀ and a tanh slope at every step, so almost none of it reaches the first symbol. The GRU's update gate and the LSTM's forget gate let the state, and the gradient, cross a step almost unchanged.")
        ctx.say("Even so, the path is T steps long; attention makes it one step, whatever T is.")
    }
}
