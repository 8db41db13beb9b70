import Foundation
import Tensors

/// Mixing several data sources into one training stream by weights.
///
/// With source sizes n₁…n_S, *temperature sampling* sets
///
/// ```
/// p_i = n_i^α / Σ_j n_j^α
/// ```
/// α = 1 samples in proportion to size (small sources nearly vanish), α = 0 samples every source
/// equally (small sources repeat many times), and in between (α = 0.3 in mT5, 0.5 in XLM)
/// raises the small sources without repeating them endlessly. Each draw picks a source i with
/// probability p_i (inverse CDF of one uniform number), then one of its examples uniformly,
/// with replacement. The same seed gives the same mixture.
///
/// ```swift
/// let weights = DataMixture.temperatureWeights(sizes: [900, 90, 10], alpha: 0.3)
/// let stream = DataMixture.sample([big, medium, small], weights: weights, count: 1000, seed: 7)
/// ```
public enum DataMixture {
    // ANCHOR: temperature
    /// p_i ∝ n_i^α, normalized to sum to 1 (empty sources get 0).
    public static func temperatureWeights(sizes: [Int], alpha: Double) -> [Double] {
        let raised = sizes.map { $0 > 0 ? pow(Double($0), alpha) : 0 }
        let total = raised.reduce(0, +)
        precondition(total > 0, "temperatureWeights: every source is empty")
        return raised.map { $0 / total }
    }
    // ANCHOR_END: temperature

    // ANCHOR: sample
    /// `count` draws: per draw a source by `weights` (any non-negative numbers; they are normalized),
    /// then a uniform example of it. Returns the examples and which source each came from.
    public static func sampleWithSources<T>(_ sources: [[T]], weights: [Double], count: Int,
                                            seed: UInt64) -> (items: [T], sources: [Int]) {
        precondition(sources.count == weights.count, "DataMixture: one weight per source")
        precondition(zip(sources, weights).allSatisfy { $1 == 0 || !$0.isEmpty }, "DataMixture: a weighted source is empty")
        let total = weights.reduce(0, +)
        var cumulative: [Double] = [], running = 0.0
        for w in weights { running += w / total; cumulative.append(running) }
        var rng = SplitMix64(seed: seed)
        var items: [T] = [], chosen: [Int] = []
        for _ in 0..<count {
            let u = rng.nextUniformDouble()
            // The first source whose cumulative share exceeds u; a zero weight is never chosen.
            let source = cumulative.firstIndex { u < $0 } ?? weights.lastIndex { $0 > 0 }!
            let pool = sources[source]
            items.append(pool[rng.nextInt(below: pool.count)])
            chosen.append(source)
        }
        return (items, chosen)
    }
    // ANCHOR_END: sample

    /// `count` examples drawn from `sources` by `weights` (see ``sampleWithSources(_:weights:count:seed:)``).
    public static func sample<T>(_ sources: [[T]], weights: [Double], count: Int, seed: UInt64) -> [T] {
        sampleWithSources(sources, weights: weights, count: count, seed: seed).items
    }

    /// The share of draws that came from each of `sourceCount` sources.
    public static func shares(_ chosen: [Int], sourceCount: Int) -> [Double] {
        var counts = Array(repeating: 0, count: sourceCount)
        for source in chosen { counts[source] += 1 }
        return counts.map { chosen.isEmpty ? 0 : Double($0) / Double(chosen.count) }
    }
}
