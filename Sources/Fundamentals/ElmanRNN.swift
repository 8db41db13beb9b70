import Foundation
import Tensors

/// An Elman recurrent network (Elman, 1990) that reads a sequence of symbols and classifies it.
///
///   h_t = tanh(W_x · x_t + W_h · h_{t−1} + b)      x_t one-hot of size V, h_t of size H
///   logits = W_y · h_T + c                          a class score per symbol
///
/// Trained by backpropagation through time: the gradient flows from h_T back to h_1 through
/// one multiplication by W_hᵀ · diag(1 − h²) per step, so over long sequences it shrinks (or grows)
/// geometrically — the vanishing-gradient problem.
public struct ElmanRNN {
    public let symbols: Int
    public let hidden: Int
    var wx: [Double], wh: [Double], b: [Double], wy: [Double], c: [Double]

    public init(symbols: Int, hidden: Int, rng: inout SplitMix64) {
        self.symbols = symbols
        self.hidden = hidden
        let s = 1 / Double(hidden).squareRoot()
        wx = (0..<(hidden * symbols)).map { _ in rng.uniform(-s, s) }
        wh = (0..<(hidden * hidden)).map { _ in rng.uniform(-s, s) }
        b = [Double](repeating: 0, count: hidden)
        wy = (0..<(symbols * hidden)).map { _ in rng.uniform(-s, s) }
        c = [Double](repeating: 0, count: symbols)
    }

    // ANCHOR: rnn-forward
    /// Hidden states h_0 (zeros) … h_T for a sequence of symbol ids.
    public func states(_ sequence: [Int]) -> [[Double]] {
        var hs = [[Double](repeating: 0, count: hidden)]
        for x in sequence {
            let prev = hs[hs.count - 1]
            hs.append((0..<hidden).map { i in
                // W_x · one-hot(x) is simply column x of W_x.
                var a = b[i] + wx[i * symbols + x]
                for j in 0..<hidden { a += wh[i * hidden + j] * prev[j] }
                return tanh(a)
            })
        }
        return hs
    }
    // ANCHOR_END: rnn-forward

    /// softmax(W_y · h + c): a probability per symbol, from a hidden state h [H].
    public func probabilities(_ h: [Double]) -> [Double] {
        var logits = c
        for k in 0..<symbols {
            for j in 0..<hidden { logits[k] += wy[k * hidden + j] * h[j] }
        }
        return Categorical.softmax(logits)
    }

    /// The most probable symbol after reading `sequence`.
    public func predict(_ sequence: [Int]) -> Int {
        let p = probabilities(states(sequence).last!)
        return p.indices.max { p[$0] < p[$1] }!
    }

    /// One SGD step on one example; returns the loss and |∂L/∂h_t| for t = 1…T.
    public mutating func train(_ sequence: [Int], label: Int, rate: Double, clip: Double = 1) -> (loss: Double, gradientNorms: [Double]) {
        let hs = states(sequence)
        let p = probabilities(hs.last!)
        var dlogits = p
        dlogits[label] -= 1
        var dwx = [Double](repeating: 0, count: wx.count), dwh = [Double](repeating: 0, count: wh.count)
        var db = [Double](repeating: 0, count: hidden), dwy = [Double](repeating: 0, count: wy.count)
        var dh = [Double](repeating: 0, count: hidden)
        for k in 0..<symbols {
            for j in 0..<hidden { dwy[k * hidden + j] = dlogits[k] * hs.last![j]; dh[j] += wy[k * hidden + j] * dlogits[k] }
        }
        var norms = [Double](repeating: 0, count: sequence.count)
        // ANCHOR: bptt
        for t in stride(from: sequence.count, through: 1, by: -1) {
            norms[t - 1] = dh.map { $0 * $0 }.reduce(0, +).squareRoot()
            // Through tanh: multiply by its slope 1 − h_t².
            let da = (0..<hidden).map { dh[$0] * (1 - hs[t][$0] * hs[t][$0]) }
            var previous = [Double](repeating: 0, count: hidden)
            for i in 0..<hidden {
                db[i] += da[i]
                dwx[i * symbols + sequence[t - 1]] += da[i]
                for j in 0..<hidden {
                    dwh[i * hidden + j] += da[i] * hs[t - 1][j]
                    previous[j] += wh[i * hidden + j] * da[i]   // W_hᵀ·da
                }
            }
            dh = previous
        }
        // ANCHOR_END: bptt
        // Clip the whole gradient's norm so one exploding step cannot wreck the weights.
        var squares = 0.0
        for part in [dwx, dwh, db, dwy, dlogits] { for g in part { squares += g * g } }
        let total = squares.squareRoot()
        let scale = rate * min(1, clip / max(total, 1e-12))
        for i in wx.indices { wx[i] -= scale * dwx[i] }
        for i in wh.indices { wh[i] -= scale * dwh[i] }
        for i in b.indices { b[i] -= scale * db[i] }
        for i in wy.indices { wy[i] -= scale * dwy[i] }
        for i in c.indices { c[i] -= scale * dlogits[i] }
        return (-log(max(p[label], 1e-12)), norms)
    }
}
