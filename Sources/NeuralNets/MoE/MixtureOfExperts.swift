import Autograd
import Tensors

/// A mixture-of-experts layer: a router picks k of E small MLPs for each token, and the token's
/// output is the gate-weighted sum of those k experts' outputs (Shazeer et al. 2017; Switch
/// Transformer; Mixtral). Total parameters grow with E; the work per token grows with k only.
///
/// ```
/// x [N, C] → routing (gates [N, E], k experts per token)
/// for each expert e:  rows R_e routed to it;  y_e = expert_e(x[R_e])          [n_e, O]
/// out[n] = Σ_{e ∈ chosen[n]} gates[n, e] · y_e[row of n]                       [N, O]
/// ```
/// ``callAsFunction(_:)`` runs each expert on its own tokens only (the dispatch real systems do);
/// ``dense(_:)`` runs every expert on every token and multiplies by the gates — the readable
/// reference, equal in value and gradient, E/k times the work.
///
/// ```swift
/// let moe = MixtureOfExperts(inputs: 8, hidden: 16, outputs: 4, experts: 8, k: 2, rng: &rng)
/// let (y, routing) = moe(x)                  // y [N, 4]
/// let loss = meanSquaredError(y, target) + 0.01 * loadBalancingLoss(routing)
/// ```
public final class MixtureOfExperts: Module {
    public let router: TopKRouter
    public let experts: [Expert]

    /// One expert: `Linear(C→H, ReLU)` then `Linear(H→O)`.
    public final class Expert: Module {
        public let up: Linear, down: Linear
        init(inputs: Int, hidden: Int, outputs: Int, rng: inout SplitMix64) {
            up = Linear(inputs, hidden, activation: .relu, rng: &rng)
            down = Linear(hidden, outputs, rng: &rng)
        }
        public var children: [(name: String, module: any Module)] { [("up", up), ("down", down)] }
        public func callAsFunction(_ x: Variable) -> Variable { down(up(x)) }
    }

    public init(inputs: Int, hidden: Int, outputs: Int, experts: Int, k: Int, rng: inout SplitMix64) {
        router = TopKRouter(inputs: inputs, experts: experts, k: k, rng: &rng)
        self.experts = (0..<experts).map { _ in Expert(inputs: inputs, hidden: hidden, outputs: outputs, rng: &rng) }
    }

    public var children: [(name: String, module: any Module)] {
        [("router", router)] + experts.enumerated().map { ("experts.\($0.offset)", $0.element) }
    }

    /// Parameters one token uses: the router and k experts.
    public var activeParameterCount: Int {
        router.gate.weight.value.count + router.k * experts[0].namedParameters().map(\.parameter.value.count).reduce(0, +)
    }

    // ANCHOR: dispatch
    public func callAsFunction(_ x: Variable) -> (output: Variable, routing: TopKRouter.Routing) {
        let routing = router(x)
        let n = x.value.shape[0]
        var parts: [Variable] = []
        var owner: [Int] = []                                          // the token each dispatched row belongs to
        for (e, expert) in experts.enumerated() {
            let rows = (0..<n).filter { routing.chosen[$0].contains(e) }
            guard !rows.isEmpty else { continue }
            let weights = routing.gates.indexSelect(rows, axis: 0).slice(e..<(e + 1), axis: 1)   // [n_e, 1]
            parts.append(expert(x.indexSelect(rows, axis: 0)) * weights)                        // [n_e, O]
            owner += rows
        }
        // Scatter-add back to the tokens: a [N, S] matrix of ones, one per dispatched row.
        var combine = [Float](repeating: 0, count: n * owner.count)
        for (slot, token) in owner.enumerated() { combine[token * owner.count + slot] = 1 }
        let output = Variable(Tensor(shape: [n, owner.count], scalars: combine)).matmul(Variable.concatenate(parts, axis: 0))
        return (output, routing)                                       // [N, O]
    }
    // ANCHOR_END: dispatch

    /// The reference: every expert on every token, weighted by the gates (zero for unchosen experts).
    public func dense(_ x: Variable) -> (output: Variable, routing: TopKRouter.Routing) {
        let routing = router(x)
        let outputs = experts.enumerated().map { e, expert in expert(x) * routing.gates.slice(e..<(e + 1), axis: 1) }
        return (outputs.dropFirst().reduce(outputs[0], +), routing)
    }
}
