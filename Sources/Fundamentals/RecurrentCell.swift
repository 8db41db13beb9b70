import Foundation
import Tensors

/// One step of a recurrent network, with its backward pass: the common shape of the Elman,
/// GRU and LSTM cells, so one training loop (``RecurrentClassifier``) can run any of them.
///
/// The state is a flat vector of ``stateSize`` numbers whose first ``hidden`` entries are the
/// output h_t (the LSTM appends its memory cell c_t after them). All weights live in one flat
/// ``parameters`` array, which makes SGD and finite-difference checks one loop each.
public protocol RecurrentCell {
    /// What the forward step keeps for the backward step.
    associatedtype Cache
    var inputSize: Int { get }
    var hidden: Int { get }
    var stateSize: Int { get }
    var parameters: [Double] { get set }

    /// s_t = cell(x_t, s_{t−1}); x [inputSize], s [stateSize].
    func step(input x: [Double], state s: [Double]) -> (state: [Double], cache: Cache)

    /// Given ∂L/∂s_t, returns ∂L/∂x_t, ∂L/∂s_{t−1} and ∂L/∂parameters for this step.
    func backward(_ cache: Cache, dState: [Double]) -> (dInput: [Double], dPrevious: [Double], dParameters: [Double])
}

extension RecurrentCell {
    /// The zero state every sequence starts from.
    public var initialState: [Double] { [Double](repeating: 0, count: stateSize) }
}

/// Small helpers the cells share: σ, matrix–vector products on row-major flat storage.
enum CellMath {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// y[r] = Σ_c W[offset + r·cols + c] · x[c] for r in 0..<rows.
    static func matVec(_ w: [Double], offset: Int, rows: Int, cols: Int, _ x: [Double]) -> [Double] {
        (0..<rows).map { r in
            var sum = 0.0
            let base = offset + r * cols
            for c in 0..<cols { sum += w[base + c] * x[c] }
            return sum
        }
    }

    /// For y = W·x with upstream dy: adds dy ⊗ x to dW and returns Wᵀ·dy.
    static func matVecBackward(_ w: [Double], offset: Int, rows: Int, cols: Int, x: [Double], dy: [Double],
                               dW: inout [Double]) -> [Double] {
        var dx = [Double](repeating: 0, count: cols)
        for r in 0..<rows where dy[r] != 0 {
            let base = offset + r * cols
            for c in 0..<cols {
                dW[base + c] += dy[r] * x[c]
                dx[c] += w[base + c] * dy[r]
            }
        }
        return dx
    }

    static func uniform(_ count: Int, scale: Double, rng: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in rng.uniform(-scale, scale) }
    }
}

/// The Elman cell as a ``RecurrentCell``: h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh).
/// Parameters, flat: W_ih [H, I], W_hh [H, H], b_ih [H], b_hh [H] (PyTorch's `RNNCell` layout).
public struct ElmanCell: RecurrentCell {
    public let inputSize: Int, hidden: Int
    public var parameters: [Double]
    public var stateSize: Int { hidden }

    public init(inputSize: Int, hidden: Int, rng: inout SplitMix64) {
        self.inputSize = inputSize
        self.hidden = hidden
        let count = hidden * inputSize + hidden * hidden + 2 * hidden
        parameters = CellMath.uniform(count, scale: 1 / Double(hidden).squareRoot(), rng: &rng)
    }

    public struct Cache { let x: [Double], previous: [Double], h: [Double] }

    public func step(input x: [Double], state s: [Double]) -> (state: [Double], cache: Cache) {
        let (I, H) = (inputSize, hidden)
        let a = CellMath.matVec(parameters, offset: 0, rows: H, cols: I, x)
        let b = CellMath.matVec(parameters, offset: H * I, rows: H, cols: H, s)
        let biases = H * I + H * H
        let h = (0..<H).map { tanh(a[$0] + b[$0] + parameters[biases + $0] + parameters[biases + H + $0]) }
        return (h, Cache(x: x, previous: s, h: h))
    }

    public func backward(_ cache: Cache, dState: [Double]) -> (dInput: [Double], dPrevious: [Double], dParameters: [Double]) {
        let (I, H) = (inputSize, hidden)
        var dp = [Double](repeating: 0, count: parameters.count)
        let da = (0..<H).map { dState[$0] * (1 - cache.h[$0] * cache.h[$0]) }   // through tanh
        let dx = CellMath.matVecBackward(parameters, offset: 0, rows: H, cols: I, x: cache.x, dy: da, dW: &dp)
        let dh = CellMath.matVecBackward(parameters, offset: H * I, rows: H, cols: H, x: cache.previous, dy: da, dW: &dp)
        let biases = H * I + H * H
        for i in 0..<H { dp[biases + i] = da[i]; dp[biases + H + i] = da[i] }
        return (dx, dh, dp)
    }
}
