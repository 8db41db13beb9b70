import Foundation
import LLMCourseKit

/// Chooses one option per layer: `costs[l][k]` is the storage in bits of option `k` of layer
/// `l`, `errors[l][k]` the (already weighted) error it causes. Returns the option index of every
/// layer that minimizes `Σ errors[l][choice[l]]` with `Σ costs[l][choice[l]] ≤ capacity`, or
/// `[]` when not even the cheapest options fit.
///
/// Dynamic programming over the budget: `best[c]` = least error of the layers so far within
/// `c` bits, `best = 0` before any layer, then for each layer
/// `next[c] = min over k with costs[l][k] ≤ c of best[c − costs[l][k]] + errors[l][k]`;
/// remember which `k` won at each `c` so the choices can be walked back from `capacity`.
func allocateBits(costs: [[Int]], errors: [[Double]], capacity: Int) -> [Int] {
    // TODO: fill best/next layer by layer, record the winning option per (layer, c),
    // return [] if best[capacity] is infinite, else walk back from c = capacity.
    return costs.map { _ in 0 }
}
