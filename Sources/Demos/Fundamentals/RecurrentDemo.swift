import Figures
import Foundation
import Fundamentals
import Tensors

/// `llmcourse run nlp-rnn`: an Elman RNN must remember the first symbol of a sequence.
/// Easy for short sequences; as the gap grows the gradient reaching the first step vanishes.
enum RecurrentDemo {
    static let demo = Demo(id: "nlp-rnn", summary: "An Elman RNN remembers the first symbol of short sequences and fails on long ones",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        ctx.heading(ctx.tr("Task: read T random symbols from {A, B, C, D}; answer with the first one"))
        ctx.say("Chance is 25%. Everything after the first symbol is noise the network must carry its memory through.")
        let lengths = ctx.quick ? [2, 6, 20] : [2, 6, 12, 20, 40]
        let examples = ctx.quick ? 1_500 : 5_000
        var rows: [[String]] = []
        var plot = LinePlot(title: ctx.tr("log10 |∂L/∂h_t| after training, by position t"), xLabel: "t", yLabel: ctx.tr("log10 norm"))
        for length in lengths {
            var rng = SplitMix64(seed: ctx.seed &+ UInt64(length))
            var net = ElmanRNN(symbols: 4, hidden: 16, rng: &rng)
            var norms = [Double](repeating: 0, count: length)
            for n in 0..<examples {
                let seq = (0..<length).map { _ in rng.nextInt(below: 4) }
                let result = net.train(seq, label: seq[0], rate: 0.1)
                if n >= examples - 100 { for t in 0..<length { norms[t] += result.gradientNorms[t] / 100 } }
            }
            var correct = 0
            for _ in 0..<400 {
                let seq = (0..<length).map { _ in rng.nextInt(below: 4) }
                if net.predict(seq) == seq[0] { correct += 1 }
            }
            let ratio = norms[0] / max(norms[length - 1], 1e-300)
            rows.append([String(length), fixed(Double(correct) / 4, 1) + "%", sci(norms[length - 1]), sci(norms[0]), sci(ratio)])
            plot.add("T = \(length)", xs: (1...length).map(Double.init), ys: norms.map { log10(max($0, 1e-30)) })
        }
        ctx.heading(ctx.tr("After {0} training sequences per length (SGD, rate 0.1, hidden size 16)", String(examples)))
        ctx.table(["T", ctx.tr("test accuracy"), "|∂L/∂h_T|", "|∂L/∂h_1|", ctx.tr("ratio h_1/h_T")], rows)
        try ctx.show("gradient-norms", plot, height: 10)
        ctx.say("The error signal must cross every step back to the first symbol, shrinking each time: the")
        ctx.say("longer the gap, the weaker the lesson. LSTMs eased this; attention removed the chain entirely,")
        ctx.say("letting the last position look at the first one directly.")
    }
}
