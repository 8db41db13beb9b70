import Autograd
import Tensors

/// The router of a mixture-of-experts layer: one score per expert for each token, softmax, keep
/// the k best and renormalize their weights (Shazeer et al. 2017; Mixtral's top-2 routing).
///
/// ```
/// x [N, C] → logits = x·W_rᵀ [N, E] → p = softmax(logits) [N, E]
/// chosen[n] = the k largest p[n, ·] (best first, lower index on ties)
/// gates[n, e] = p[n, e] / Σ_{e' ∈ chosen[n]} p[n, e']   if e ∈ chosen[n], else 0      [N, E]
/// ```
/// Gradients reach the router only through the chosen experts' probabilities — the choice itself
/// is not differentiable; the load-balancing loss (``loadBalancingLoss(_:)``) reaches all of them.
///
/// ```swift
/// let router = TopKRouter(inputs: 8, experts: 4, k: 2, rng: &rng)
/// let routing = router(x)          // routing.gates [N, 4], two non-zeros per row summing to 1
/// ```
public final class TopKRouter: Module {
    /// `[E, C]`, no bias.
    public let gate: Linear
    public let k: Int
    public var experts: Int { gate.outFeatures }

    public init(inputs: Int, experts: Int, k: Int, rng: inout SplitMix64) {
        precondition(k >= 1 && k <= experts, "TopKRouter: k must be in 1...\(experts), got \(k)")
        gate = Linear(inputs, experts, bias: false, rng: &rng)
        self.k = k
    }

    public var children: [(name: String, module: any Module)] { [("gate", gate)] }

    /// What the router decided for a batch of tokens.
    public struct Routing {
        /// `softmax` of the router's scores, `[N, E]`.
        public let probabilities: Variable
        /// Renormalized weights of the chosen experts, zero elsewhere, `[N, E]`.
        public let gates: Variable
        /// Each token's k experts, best first.
        public let chosen: [[Int]]
        public let k: Int

        /// How many tokens chose each expert (sums to N·k).
        public var slotCounts: [Int] {
            var counts = [Int](repeating: 0, count: probabilities.value.shape[1])
            for experts in chosen { for expert in experts { counts[expert] += 1 } }
            return counts
        }
    }

    // ANCHOR: route
    public func callAsFunction(_ x: Variable) -> Routing {
        let probabilities = gate(x).softmax(axis: -1)                            // [N, E]
        let (n, e) = (probabilities.value.shape[0], probabilities.value.shape[1])
        let p = probabilities.value.scalars
        let chosen = (0..<n).map { row in Self.topK(p[(row * e)..<((row + 1) * e)], k: k) }
        var mask = [Float](repeating: 0, count: n * e)
        for (row, experts) in chosen.enumerated() { for expert in experts { mask[row * e + expert] = 1 } }
        let kept = probabilities * Tensor(shape: [n, e], scalars: mask)         // [N, E], k non-zeros per row
        let gates = kept / kept.sum(axis: 1, keepDims: true)                    // each row sums to 1
        return Routing(probabilities: probabilities, gates: gates, chosen: chosen, k: k)
    }
    // ANCHOR_END: route

    /// Positions of the k largest values, largest first; on ties the lower position wins.
    public static func topK(_ row: ArraySlice<Float>, k: Int) -> [Int] {
        Array(row.indices.sorted { row[$0] != row[$1] ? row[$0] > row[$1] : $0 < $1 }.prefix(k).map { $0 - row.startIndex })
    }
}

/// The auxiliary loss that keeps a router from sending every token to a few experts (Switch
/// Transformer, Fedus et al. 2021, in the form of Hugging Face's `load_balancing_loss_func`):
///
/// ```
/// f_e = (1/N) · #{(n, j) : chosen[n][j] = e}       share of tokens sending a slot to e (sums to k)
/// P_e = (1/N) · Σ_n p[n, e]                         mean router probability of e (sums to 1)
/// L   = E · Σ_e f_e · P_e                           k when perfectly balanced; up to E·k when collapsed
/// ```
/// `f` counts choices and carries no gradient; `P` does, so the loss pushes probability away from
/// the experts that already receive the most tokens.
// ANCHOR: balance
public func loadBalancingLoss(_ routing: TopKRouter.Routing) -> Variable {
    let n = Float(routing.probabilities.value.shape[0])
    let counts = routing.slotCounts
    let f = Tensor(shape: [counts.count], scalars: counts.map { Float($0) / n })   // [E], constant
    let meanProbability = routing.probabilities.mean(axis: 0)                   // [E]
    return (meanProbability * f).sum() * Float(counts.count)
}
// ANCHOR_END: balance
