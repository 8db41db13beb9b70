import Foundation
import Testing
import Fundamentals
import Tensors

/// GRU, LSTM and Elman cells: forward and backward against PyTorch
/// (Scripts/fixtures/recurrent_cells.py) and against central differences.
@Suite struct RecurrentCellTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let kind: String, inputSize: Int, hidden: Int
            let parameters: [Double], inputs: [[Double]], initialState: [Double]
            let lossWeights: [[Double]], cellWeights: [Double]
            let states: [[Double]], loss: Double
            let dParameters: [Double], dInputs: [[Double]], dInitialState: [Double]
        }
        let cases: [Case]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/recurrent_cells.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    /// L = Σ_t v_t · h_t (+ w · c_T for the LSTM) and its gradients, by running the cell's
    /// backward step from the last step to the first.
    static func run<Cell: RecurrentCell>(_ cell: Cell, inputs: [[Double]], initial: [Double], v: [[Double]], w: [Double])
        -> (loss: Double, states: [[Double]], dParameters: [Double], dInputs: [[Double]], dInitial: [Double]) {
        var s = initial, states: [[Double]] = [], caches: [Cell.Cache] = [], loss = 0.0
        for (t, x) in inputs.enumerated() {
            let out = cell.step(input: x, state: s)
            s = out.state
            states.append(s)
            caches.append(out.cache)
            loss += zip(v[t], s).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let H = cell.hidden
        loss += zip(w, s[H...]).reduce(0) { $0 + $1.0 * $1.1 }
        var ds = [Double](repeating: 0, count: cell.stateSize)
        for (j, wj) in w.enumerated() { ds[H + j] = wj }
        var dp = [Double](repeating: 0, count: cell.parameters.count)
        var dInputs = inputs
        for t in stride(from: inputs.count - 1, through: 0, by: -1) {
            for j in 0..<H { ds[j] += v[t][j] }   // L reads h_t directly at every step
            let back = cell.backward(caches[t], dState: ds)
            for i in dp.indices { dp[i] += back.dParameters[i] }
            dInputs[t] = back.dInput
            ds = back.dPrevious
        }
        return (loss, states, dp, dInputs, ds)
    }

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    static func cell(for c: Fixture.Case) -> any RecurrentCell {
        var rng = SplitMix64(seed: 0)
        if c.kind == "gru" {
            var cell = GRUCell(inputSize: c.inputSize, hidden: c.hidden, rng: &rng)
            cell.parameters = c.parameters
            return cell
        }
        var cell = LSTMCell(inputSize: c.inputSize, hidden: c.hidden, rng: &rng)
        cell.parameters = c.parameters
        return cell
    }

    @Test(arguments: fixture.cases.indices)
    func matchesPyTorch(_ index: Int) {
        let c = Self.fixture.cases[index]
        func check<Cell: RecurrentCell>(_ cell: Cell) {
            #expect(cell.parameters.count == c.parameters.count)
            let r = Self.run(cell, inputs: c.inputs, initial: c.initialState, v: c.lossWeights, w: c.cellWeights)
            #expect(Self.close(r.states.flatMap { $0 }, c.states.flatMap { $0 }, 1e-12), "\(c.kind) states")
            #expect(abs(r.loss - c.loss) < 1e-11)
            #expect(Self.close(r.dParameters, c.dParameters, 1e-11), "\(c.kind) ∂L/∂parameters")
            #expect(Self.close(r.dInputs.flatMap { $0 }, c.dInputs.flatMap { $0 }, 1e-11), "\(c.kind) ∂L/∂x")
            #expect(Self.close(r.dInitial, c.dInitialState, 1e-11), "\(c.kind) ∂L/∂s₀")
        }
        check(Self.cell(for: c))
    }

    /// Every gradient of every cell against central differences of the loss, on random weights.
    @Test(arguments: ["elman", "gru", "lstm"])
    func gradientsMatchCentralDifferences(_ kind: String) {
        var rng = SplitMix64(seed: 11)
        let (I, H, T) = (3, 4, 6)
        func check<Cell: RecurrentCell>(_ cell: Cell) {
            var cell = cell
            let inputs = (0..<T).map { _ in (0..<I).map { _ in rng.uniform(-1, 1) } }
            let initial = (0..<cell.stateSize).map { _ in rng.uniform(-0.5, 0.5) }
            let v = (0..<T).map { _ in (0..<H).map { _ in rng.uniform(-1, 1) } }
            let w = cell.stateSize > H ? (0..<H).map { _ in rng.uniform(-1, 1) } : []
            let r = Self.run(cell, inputs: inputs, initial: initial, v: v, w: w)
            let h = 1e-6
            func loss(_ c: Cell, _ x: [[Double]], _ s: [Double]) -> Double { Self.run(c, inputs: x, initial: s, v: v, w: w).loss }
            var numeric: [Double] = []
            for i in cell.parameters.indices {
                let saved = cell.parameters[i]
                cell.parameters[i] = saved + h; let up = loss(cell, inputs, initial)
                cell.parameters[i] = saved - h; let down = loss(cell, inputs, initial)
                cell.parameters[i] = saved
                numeric.append((up - down) / (2 * h))
            }
            #expect(Self.close(r.dParameters, numeric, 1e-7), "\(kind) ∂L/∂parameters")
            var dx: [Double] = []
            for t in 0..<T { for i in 0..<I {
                var up = inputs, down = inputs
                up[t][i] += h; down[t][i] -= h
                dx.append((loss(cell, up, initial) - loss(cell, down, initial)) / (2 * h))
            } }
            #expect(Self.close(r.dInputs.flatMap { $0 }, dx, 1e-7), "\(kind) ∂L/∂x")
            let ds = initial.indices.map { i -> Double in
                var up = initial, down = initial
                up[i] += h; down[i] -= h
                return (loss(cell, inputs, up) - loss(cell, inputs, down)) / (2 * h)
            }
            #expect(Self.close(r.dInitial, ds, 1e-7), "\(kind) ∂L/∂s₀")
        }
        switch kind {
        case "elman": check(ElmanCell(inputSize: I, hidden: H, rng: &rng))
        case "gru": check(GRUCell(inputSize: I, hidden: H, rng: &rng))
        default: check(LSTMCell(inputSize: I, hidden: H, rng: &rng))
        }
    }

    @Test func gruWithItsUpdateGateShutCopiesTheState() {
        // A large z bias makes z ≈ 1: h′ ≈ h whatever the input, and ∂h′/∂h ≈ I.
        var rng = SplitMix64(seed: 3)
        var cell = GRUCell(inputSize: 2, hidden: 3, rng: &rng)
        let bih = 3 * 3 * 2 + 3 * 3 * 3
        for j in 3..<6 { cell.parameters[bih + j] = 40 }
        let h = [0.3, -0.7, 0.1]
        let out = cell.step(input: [1, -1], state: h)
        #expect(Self.close(out.state, h, 1e-12))
        #expect(Self.close(cell.backward(out.cache, dState: [1, 2, 3]).dPrevious, [1, 2, 3], 1e-12))
    }

    @Test func theGradientReachesFarBackThroughGatesOnly() {
        // Before training, T = 30: the share of ∂L/∂s_T that reaches s_1, averaged over sequences.
        func share<Cell: RecurrentCell>(_ make: (inout SplitMix64) -> Cell) -> Double {
            var rng = SplitMix64(seed: 42)
            let model = RecurrentClassifier(cell: make(&rng), classes: 4, rng: &rng)
            var first = 0.0, last = 0.0
            for _ in 0..<20 {
                let seq = (0..<30).map { _ in rng.nextInt(below: 4) }
                let g = model.gradientNorms(seq, label: seq[0])
                first += g[0]
                last += g[29]
            }
            return first / last
        }
        let elman = share { ElmanCell(inputSize: 4, hidden: 16, rng: &$0) }
        let gru = share { GRUCell(inputSize: 4, hidden: 16, updateBias: 1, rng: &$0) }
        let lstm = share { LSTMCell(inputSize: 4, hidden: 16, forgetBias: 1, rng: &$0) }
        #expect(elman < 1e-6, "Elman: \(elman)")
        #expect(gru > 1e3 * elman && lstm > 1e3 * elman, "GRU \(gru), LSTM \(lstm), Elman \(elman)")
    }
}
