import Foundation
import Tensors

/// A gated recurrent unit (Cho et al., 2014), in PyTorch's `GRUCell` convention:
///
///   r = σ(W_ir·x + b_ir + W_hr·h + b_hr)            reset gate       [H]
///   z = σ(W_iz·x + b_iz + W_hz·h + b_hz)            update gate      [H]
///   n = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn))   candidate state  [H]
///   h′ = (1 − z) ⊙ n + z ⊙ h
///
/// Parameters, flat and in this order: W_ih [3H, I] (rows r, z, n), W_hh [3H, H],
/// b_ih [3H], b_hh [3H] — `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` of PyTorch.
///
/// Why it remembers: ∂h′/∂h contains the term diag(z). Where the update gate is near 1, the
/// state is copied forward almost unchanged and so is the gradient flowing back through it,
/// instead of being squeezed by a tanh slope and W_hh at every step as in the Elman cell.
public struct GRUCell: RecurrentCell {
    public let inputSize: Int, hidden: Int
    public var parameters: [Double]
    public var stateSize: Int { hidden }

    /// Weights uniform in ±1/√H as PyTorch draws them. `updateBias` is added to the update
    /// gate's b_ih: a positive value starts the cell copying its state, z = σ(bias) near 1.
    public init(inputSize: Int, hidden: Int, updateBias: Double = 0, rng: inout SplitMix64) {
        self.inputSize = inputSize
        self.hidden = hidden
        parameters = CellMath.uniform(3 * hidden * (inputSize + hidden + 2), scale: 1 / Double(hidden).squareRoot(), rng: &rng)
        let z = 3 * hidden * (inputSize + hidden) + hidden
        for j in 0..<hidden { parameters[z + j] += updateBias }
    }

    /// Offsets of W_hh, b_ih and b_hh in ``parameters``.
    var offsets: (hh: Int, bih: Int, bhh: Int) {
        let hh = 3 * hidden * inputSize
        return (hh, hh + 3 * hidden * hidden, hh + 3 * hidden * hidden + 3 * hidden)
    }

    public struct Cache { let x: [Double], h: [Double], r: [Double], z: [Double], n: [Double], hn: [Double] }

    // ANCHOR: gru-forward
    public func step(input x: [Double], state h: [Double]) -> (state: [Double], cache: Cache) {
        let (H, o) = (hidden, offsets)
        let gi = CellMath.matVec(parameters, offset: 0, rows: 3 * H, cols: inputSize, x)   // W_ih·x
        let gh = CellMath.matVec(parameters, offset: o.hh, rows: 3 * H, cols: H, h)        // W_hh·h
        let pre = (0..<(3 * H)).map { gi[$0] + parameters[o.bih + $0] }
        let hn = (0..<(3 * H)).map { gh[$0] + parameters[o.bhh + $0] }
        let r = (0..<H).map { CellMath.sigmoid(pre[$0] + hn[$0]) }
        let z = (0..<H).map { CellMath.sigmoid(pre[H + $0] + hn[H + $0]) }
        let n = (0..<H).map { tanh(pre[2 * H + $0] + r[$0] * hn[2 * H + $0]) }
        let next = (0..<H).map { (1 - z[$0]) * n[$0] + z[$0] * h[$0] }
        return (next, Cache(x: x, h: h, r: r, z: z, n: n, hn: Array(hn[(2 * H)...])))
    }
    // ANCHOR_END: gru-forward

    // ANCHOR: gru-backward
    public func backward(_ cache: Cache, dState dNext: [Double]) -> (dInput: [Double], dPrevious: [Double], dParameters: [Double]) {
        let (H, o, c) = (hidden, offsets, cache)
        var dp = [Double](repeating: 0, count: parameters.count)
        var dGi = [Double](repeating: 0, count: 3 * H), dGh = dGi   // ∂L/∂ pre-activations
        var dh = [Double](repeating: 0, count: H)
        for i in 0..<H {
            dh[i] = dNext[i] * c.z[i]                                 // the copied path z ⊙ h
            let dn = dNext[i] * (1 - c.z[i]) * (1 - c.n[i] * c.n[i])   // through tanh
            let dz = dNext[i] * (c.h[i] - c.n[i]) * c.z[i] * (1 - c.z[i])
            let dr = dn * c.hn[i] * c.r[i] * (1 - c.r[i])
            (dGi[i], dGi[H + i], dGi[2 * H + i]) = (dr, dz, dn)
            (dGh[i], dGh[H + i], dGh[2 * H + i]) = (dr, dz, dn * c.r[i])  // r scales W_hn·h + b_hn
        }
        let dx = CellMath.matVecBackward(parameters, offset: 0, rows: 3 * H, cols: inputSize, x: c.x, dy: dGi, dW: &dp)
        let dhh = CellMath.matVecBackward(parameters, offset: o.hh, rows: 3 * H, cols: H, x: c.h, dy: dGh, dW: &dp)
        for j in 0..<(3 * H) { dp[o.bih + j] = dGi[j]; dp[o.bhh + j] = dGh[j] }
        return (dx, (0..<H).map { dh[$0] + dhh[$0] }, dp)
    }
    // ANCHOR_END: gru-backward
}
