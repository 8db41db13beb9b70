import Foundation

/// One bit width per layer under a budget: the second half of ExLlamaV2's idea. Given each
/// layer's ``LayerErrorProfile``, choose option `b_l` for every layer `l` to
///
/// ```
/// minimize    Σ_l  (n_l / N) · e_l(b_l)          n_l = weights of layer l,  N = Σ_l n_l
/// subject to  Σ_l  s_l(b_l)  ≤  β · N            s_l = storage bits,  β = budget in bits/weight
/// ```
///
/// Each layer's relative error is weighted by its share of the weights, so a layer holding a
/// third of the model counts a third; a small layer may be kept wide cheaply, a big one costs a
/// lot per extra bit. This is a multiple-choice knapsack (pick exactly one item from each
/// layer's group). ``optimal(_:budget:unit:)`` solves it exactly by dynamic programming over the
/// budget counted in units of `u` bits; ``greedy(_:budget:)`` is the obvious heuristic beside it.
public struct BitAllocation: Sendable, Equatable {
    /// Per layer, the index of the chosen option in its profile.
    public let choices: [Int]
    /// Per layer, the chosen width.
    public let bits: [Int]
    /// `Σ_l s_l(b_l)`, scales and zero points included.
    public let storageBits: Int
    /// `N`.
    public let weightCount: Int
    /// `Σ_l (n_l / N) · e_l(b_l)`.
    public let error: Double

    /// Storage bits per weight, overhead included (the budget's unit).
    public var bitsPerWeight: Double { Double(storageBits) / Double(weightCount) }

    /// The allocation that picks `choices` from `profiles`.
    public init(_ profiles: [LayerErrorProfile], choices: [Int]) {
        let n = profiles.reduce(0) { $0 + $1.weightCount }
        let picked = zip(profiles, choices).map { $0.options[$1] }
        self.choices = choices
        bits = picked.map(\.bits)
        storageBits = picked.reduce(0) { $0 + $1.storageBits }
        weightCount = n
        error = zip(profiles, picked).reduce(0) { $0 + Double($1.0.weightCount) / Double(n) * $1.1.relativeError }
    }

    /// Every layer at `bits` (each profile must offer it).
    public static func uniform(_ profiles: [LayerErrorProfile], bits: Int) throws -> BitAllocation {
        let choices = try profiles.map { p in
            guard let i = p.options.firstIndex(where: { $0.bits == bits }) else {
                throw QuantizationError.invalidSetting("layer \(p.name) has no \(bits)-bit option")
            }
            return i
        }
        return BitAllocation(profiles, choices: choices)
    }

    // ANCHOR: knapsack
    /// The exact optimum by dynamic programming. Costs are counted in units of `unit` bits
    /// (default: the greatest common divisor of all option costs, which keeps it exact; a coarser
    /// unit rounds each cost up, so the result still meets the budget but may miss the optimum).
    ///
    /// `best[l][c]` = least error of layers `0..<l` within `c` units:
    /// `best[l+1][c] = min_b best[l][c − cost_l(b)] + (n_l/N)·e_l(b)`, `best[0][c] = 0`.
    /// Time and memory `O(layers × options × C/unit)`.
    public static func optimal(_ profiles: [LayerErrorProfile], budget: Double, unit: Int? = nil) throws -> BitAllocation {
        let (n, capacity) = try check(profiles, budget: budget)
        let u = unit ?? profiles.flatMap(\.options).reduce(0) { gcd($0, $1.storageBits) }
        guard u > 0 else { throw QuantizationError.invalidSetting("the cost unit must be positive, got \(u)") }
        let cells = capacity / u
        let cost = profiles.map { $0.options.map { ($0.storageBits + u - 1) / u } }
        let gain = profiles.map { p in p.options.map { Double(p.weightCount) / Double(n) * $0.relativeError } }
        var best = [Double](repeating: 0, count: cells + 1)
        var pick: [[Int]] = []                          // pick[l][c]: layer l's option at capacity c
        for l in profiles.indices {
            var next = [Double](repeating: .infinity, count: cells + 1)
            var chosen = [Int](repeating: -1, count: cells + 1)
            for c in 0...cells {
                for (b, w) in cost[l].enumerated() where w <= c && best[c - w] + gain[l][b] < next[c] {
                    (next[c], chosen[c]) = (best[c - w] + gain[l][b], b)
                }
            }
            best = next
            pick.append(chosen)
        }
        guard best[cells].isFinite else {   // check passed, so only rounding costs up to whole units can fail here
            throw QuantizationError.invalidSetting("with costs rounded up to units of \(u) bits no allocation fits \(budget) bits/weight; use a finer unit (the default is exact)")
        }
        var choices = [Int](repeating: 0, count: profiles.count)
        var c = cells
        for l in profiles.indices.reversed() {          // walk back through the choices made
            choices[l] = pick[l][c]
            c -= cost[l][choices[l]]
        }
        return BitAllocation(profiles, choices: choices)
    }
    // ANCHOR_END: knapsack

    /// Greedy reference: start every layer at its cheapest option, then keep making the upgrade
    /// (to any costlier option of one layer) with the most error removed per extra bit that still
    /// fits. Fast and usually close, but not optimal: an upgrade that looks poor per bit can be
    /// the only one that uses the leftover budget well.
    public static func greedy(_ profiles: [LayerErrorProfile], budget: Double) throws -> BitAllocation {
        let (n, capacity) = try check(profiles, budget: budget)
        var choices = profiles.map { p in p.options.indices.min { p.options[$0].storageBits < p.options[$1].storageBits }! }
        var used = zip(profiles, choices).reduce(0) { $0 + $1.0.options[$1.1].storageBits }
        while true {
            var bestMove: (layer: Int, option: Int, rate: Double)?
            for (l, p) in profiles.enumerated() {
                let now = p.options[choices[l]]
                for (b, o) in p.options.enumerated() where o.storageBits > now.storageBits && used - now.storageBits + o.storageBits <= capacity {
                    let rate = Double(p.weightCount) / Double(n) * (now.relativeError - o.relativeError) / Double(o.storageBits - now.storageBits)
                    if rate > 0, rate > (bestMove?.rate ?? 0) { bestMove = (l, b, rate) }
                }
            }
            guard let move = bestMove else { break }
            used += profiles[move.layer].options[move.option].storageBits - profiles[move.layer].options[choices[move.layer]].storageBits
            choices[move.layer] = move.option
        }
        return BitAllocation(profiles, choices: choices)
    }

    /// `N` and the budget `⌊β·N⌋` in bits; throws when even the cheapest options overflow it.
    static func check(_ profiles: [LayerErrorProfile], budget: Double) throws -> (n: Int, capacity: Int) {
        guard !profiles.isEmpty, profiles.allSatisfy({ !$0.options.isEmpty }) else {
            throw QuantizationError.invalidSetting("bit allocation needs at least one layer, each with at least one option")
        }
        guard budget.isFinite, budget > 0 else { throw QuantizationError.invalidSetting("the budget must be a positive number of bits per weight, got \(budget)") }
        let n = profiles.reduce(0) { $0 + $1.weightCount }
        let capacity = Int((budget * Double(n)).rounded(.down))
        let cheapest = profiles.reduce(0) { $0 + $1.options.map(\.storageBits).min()! }
        guard cheapest <= capacity else { throw infeasible(profiles, budget: budget, n: n) }
        return (n, capacity)
    }

    static func infeasible(_ profiles: [LayerErrorProfile], budget: Double, n: Int) -> QuantizationError {
        let cheapest = profiles.reduce(0) { $0 + $1.options.map(\.storageBits).min()! }
        let floor = Double(cheapest) / Double(n)
        return .invalidSetting("a budget of \(budget) bits/weight cannot be met: every layer at its cheapest width already needs "
                               + String(format: "%.3f", floor) + " bits/weight (scales and zero points included); raise the budget or offer narrower widths")
    }
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
