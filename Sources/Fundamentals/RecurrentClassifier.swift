import Foundation
import Tensors

/// Reads a sequence of symbols with any ``RecurrentCell`` and classifies it from the last
/// output: logits = W_y·h_T + c, trained by backpropagation through time, one example at a
/// time, with the whole gradient's norm clipped and then an Adam step (Kingma and Ba, 2015:
/// β₁ = 0.9, β₂ = 0.999), the same loop for every cell so they compare on equal terms.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// var model = RecurrentClassifier(cell: GRUCell(inputSize: 4, hidden: 16, rng: &rng), classes: 4, rng: &rng)
/// let (loss, norms) = model.train([2, 0, 3, 1], label: 2, rate: 0.01)   // norms[t−1] = |∂L/∂s_t|
/// ```
public struct RecurrentClassifier<Cell: RecurrentCell> {
    public var cell: Cell
    public let classes: Int
    var wy: [Double], c: [Double]
    /// Adam's moment estimates for [cell parameters, W_y, c], and its step count.
    var m: [Double] = [], v: [Double] = [], steps = 0

    public init(cell: Cell, classes: Int, rng: inout SplitMix64) {
        self.cell = cell
        self.classes = classes
        let s = 1 / Double(cell.hidden).squareRoot()
        wy = (0..<(classes * cell.hidden)).map { _ in rng.uniform(-s, s) }
        c = [Double](repeating: 0, count: classes)
    }

    func oneHot(_ symbol: Int) -> [Double] {
        var x = [Double](repeating: 0, count: cell.inputSize)
        x[symbol] = 1
        return x
    }

    /// Class probabilities after reading `sequence`.
    public func probabilities(_ sequence: [Int]) -> [Double] {
        var s = cell.initialState
        for symbol in sequence { s = cell.step(input: oneHot(symbol), state: s).state }
        return readout(s)
    }

    func readout(_ s: [Double]) -> [Double] {
        let H = cell.hidden
        var logits = c
        for k in 0..<classes {
            for j in 0..<H { logits[k] += wy[k * H + j] * s[j] }
        }
        return Categorical.softmax(logits)
    }

    public func predict(_ sequence: [Int]) -> Int {
        let p = probabilities(sequence)
        return p.indices.max { p[$0] < p[$1] }!
    }

    /// |∂L/∂s_t| for t = 1…T on one example, without changing the weights.
    public func gradientNorms(_ sequence: [Int], label: Int) -> [Double] {
        var copy = self
        return copy.train(sequence, label: label, rate: 0).gradientNorms
    }

    /// One Adam step on one example; returns the loss and |∂L/∂s_t| for t = 1…T, the norm of
    /// the gradient that reached each step's state (h_t, and c_t for the LSTM).
    public mutating func train(_ sequence: [Int], label: Int, rate: Double, clip: Double = 1) -> (loss: Double, gradientNorms: [Double]) {
        var s = cell.initialState
        var caches: [Cell.Cache] = []
        for symbol in sequence {
            let out = cell.step(input: oneHot(symbol), state: s)
            s = out.state
            caches.append(out.cache)
        }
        let p = readout(s)
        var dlogits = p
        dlogits[label] -= 1
        let H = cell.hidden
        var dwy = [Double](repeating: 0, count: wy.count)
        var ds = [Double](repeating: 0, count: cell.stateSize)
        for k in 0..<classes {
            for j in 0..<H { dwy[k * H + j] = dlogits[k] * s[j]; ds[j] += wy[k * H + j] * dlogits[k] }
        }
        var dp = [Double](repeating: 0, count: cell.parameters.count)
        var norms = [Double](repeating: 0, count: sequence.count)
        for t in stride(from: sequence.count - 1, through: 0, by: -1) {
            norms[t] = ds.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let back = cell.backward(caches[t], dState: ds)
            for i in dp.indices { dp[i] += back.dParameters[i] }
            ds = back.dPrevious
        }
        var squares = 0.0
        for g in dp { squares += g * g }
        for g in dwy { squares += g * g }
        for g in dlogits { squares += g * g }
        let total = squares.squareRoot()
        let scale = min(1, clip / max(total, 1e-12))
        let g = (dp + dwy + dlogits).map { $0 * scale }
        if m.isEmpty { m = [Double](repeating: 0, count: g.count); v = m }
        steps += 1
        let (b1, b2) = (0.9, 0.999)
        let correction = (1 - pow(b2, Double(steps))).squareRoot() / (1 - pow(b1, Double(steps)))
        var update = [Double](repeating: 0, count: g.count)
        for i in g.indices {
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            update[i] = rate * correction * m[i] / (v[i].squareRoot() + 1e-8)
        }
        let (P, Y) = (dp.count, dwy.count)
        for i in 0..<P { cell.parameters[i] -= update[i] }
        for i in 0..<Y { wy[i] -= update[P + i] }
        for i in c.indices { c[i] -= update[P + Y + i] }
        return (-log(max(p[label], 1e-12)), norms)
    }
}
