/// Maximal marginal relevance (Carbonell & Goldstein, 1998): pick results that are relevant
/// *and* different from each other.
///
/// Five near-copies of one paragraph fill a prompt with one fact. MMR picks greedily; at each
/// step it takes the candidate `d` that maximizes
///
///     λ · sim(q, d) − (1 − λ) · max_{s ∈ selected} sim(d, s)
///
/// `λ = 1` is plain relevance ranking; `λ = 0` only seeks variety; 0.5–0.7 is usual.
/// Similarity is the inner product (cosine for unit vectors).
///
/// ```swift
/// let order = MaximalMarginalRelevance.select(query: q, candidates: vectors, k: 3, lambda: 0.5)
/// // indices into `candidates`, in the order chosen
/// ```
public enum MaximalMarginalRelevance {
    // ANCHOR: select
    public static func select(query: [Float], candidates: [[Float]], k: Int, lambda: Float = 0.5) -> [Int] {
        let relevance = candidates.map { VectorMath.dot(query, $0) }
        // Highest similarity of each candidate with anything chosen so far.
        var redundancy = [Float](repeating: -.infinity, count: candidates.count)
        var chosen: [Int] = []
        var available = Set(candidates.indices)
        while chosen.count < min(k, candidates.count) {
            var best = -1
            var bestValue = -Float.infinity
            for i in candidates.indices where available.contains(i) {
                let penalty = chosen.isEmpty ? 0 : redundancy[i]
                let value = lambda * relevance[i] - (1 - lambda) * penalty
                if value > bestValue {              // strict: ties keep the lower index
                    best = i
                    bestValue = value
                }
            }
            chosen.append(best)
            available.remove(best)
            for i in available { redundancy[i] = max(redundancy[i], VectorMath.dot(candidates[i], candidates[best])) }
        }
        return chosen
    }
    // ANCHOR_END: select
}
