import Foundation
import Tensors

/// A long short-term memory cell (Hochreiter and Schmidhuber, 1997, with the forget gate of
/// Gers et al., 2000), in PyTorch's `LSTMCell` convention:
///
///   [i, f, g, o] = W_ih·x + b_ih + W_hh·h + b_hh     four blocks of H
///   i, f, o = σ(·),  g = tanh(·)                     input, forget, output gates; candidate
///   c′ = f ⊙ c + i ⊙ g                               the memory cell
///   h′ = o ⊙ tanh(c′)
///
/// The state is [h, c] (2H numbers). Parameters, flat and in this order: W_ih [4H, I]
/// (rows i, f, g, o), W_hh [4H, H], b_ih [4H], b_hh [4H].
///
/// Why it remembers: ∂c′/∂c = diag(f). The memory cell is updated by addition, so while the
/// forget gate stays near 1 its contents — and the gradient back through them — pass many steps
/// with no squashing and no multiplication by a weight matrix.
public struct LSTMCell: RecurrentCell {
    public let inputSize: Int, hidden: Int
    public var parameters: [Double]
    public var stateSize: Int { 2 * hidden }

    /// Weights uniform in ±1/√H as PyTorch draws them. `forgetBias` is added to the forget
    /// gate's b_ih: a positive value (1 is common, Jozefowicz et al., 2015) starts the cell
    /// remembering, f = σ(bias) near 1, instead of halving its memory at every step.
    public init(inputSize: Int, hidden: Int, forgetBias: Double = 0, rng: inout SplitMix64) {
        self.inputSize = inputSize
        self.hidden = hidden
        parameters = CellMath.uniform(4 * hidden * (inputSize + hidden + 2), scale: 1 / Double(hidden).squareRoot(), rng: &rng)
        let f = 4 * hidden * (inputSize + hidden) + hidden
        for j in 0..<hidden { parameters[f + j] += forgetBias }
    }

    var offsets: (hh: Int, bih: Int, bhh: Int) {
        let hh = 4 * hidden * inputSize
        return (hh, hh + 4 * hidden * hidden, hh + 4 * hidden * hidden + 4 * hidden)
    }

    public struct Cache { let x: [Double], h: [Double], c: [Double], i: [Double], f: [Double], g: [Double], o: [Double], tc: [Double] }

    // ANCHOR: lstm-forward
    public func step(input x: [Double], state s: [Double]) -> (state: [Double], cache: Cache) {
        let (H, o) = (hidden, offsets)
        let h = Array(s[0..<H]), c = Array(s[H...])
        let gi = CellMath.matVec(parameters, offset: 0, rows: 4 * H, cols: inputSize, x)
        let gh = CellMath.matVec(parameters, offset: o.hh, rows: 4 * H, cols: H, h)
        let a = (0..<(4 * H)).map { gi[$0] + gh[$0] + parameters[o.bih + $0] + parameters[o.bhh + $0] }
        let i = (0..<H).map { CellMath.sigmoid(a[$0]) }
        let f = (0..<H).map { CellMath.sigmoid(a[H + $0]) }
        let g = (0..<H).map { tanh(a[2 * H + $0]) }
        let og = (0..<H).map { CellMath.sigmoid(a[3 * H + $0]) }
        let cNext = (0..<H).map { f[$0] * c[$0] + i[$0] * g[$0] }   // add to memory, not overwrite
        let tc = cNext.map { tanh($0) }
        let hNext = (0..<H).map { og[$0] * tc[$0] }
        return (hNext + cNext, Cache(x: x, h: h, c: c, i: i, f: f, g: g, o: og, tc: tc))
    }
    // ANCHOR_END: lstm-forward

    // ANCHOR: lstm-backward
    public func backward(_ cache: Cache, dState: [Double]) -> (dInput: [Double], dPrevious: [Double], dParameters: [Double]) {
        let (H, o, k) = (hidden, offsets, cache)
        var dp = [Double](repeating: 0, count: parameters.count)
        var da = [Double](repeating: 0, count: 4 * H)   // ∂L/∂ pre-activations [i, f, g, o]
        var dc = [Double](repeating: 0, count: H)
        for j in 0..<H {
            let dh = dState[j]
            let dcNext = dState[H + j] + dh * k.o[j] * (1 - k.tc[j] * k.tc[j])   // both routes into c′
            dc[j] = dcNext * k.f[j]                                             // the memory path: × f
            da[j] = dcNext * k.g[j] * k.i[j] * (1 - k.i[j])
            da[H + j] = dcNext * k.c[j] * k.f[j] * (1 - k.f[j])
            da[2 * H + j] = dcNext * k.i[j] * (1 - k.g[j] * k.g[j])
            da[3 * H + j] = dh * k.tc[j] * k.o[j] * (1 - k.o[j])
        }
        let dx = CellMath.matVecBackward(parameters, offset: 0, rows: 4 * H, cols: inputSize, x: k.x, dy: da, dW: &dp)
        let dh = CellMath.matVecBackward(parameters, offset: o.hh, rows: 4 * H, cols: H, x: k.h, dy: da, dW: &dp)
        for j in 0..<(4 * H) { dp[o.bih + j] = da[j]; dp[o.bhh + j] = da[j] }
        return (dx, dh + dc, dp)
    }
    // ANCHOR_END: lstm-backward
}
