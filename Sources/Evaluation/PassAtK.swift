/// pass@k (Chen et al., 2021, the Codex paper): the chance that at least one of k samples,
/// drawn without replacement from n generated samples of which c are correct, is correct.
///
///     pass@k = 1 − C(n − c, k) / C(n, k)
///
/// Sampling n > k and using this estimator has far less variance than drawing exactly k
/// samples per problem. The binomials overflow quickly, so ``estimate(n:correct:k:)`` uses the
/// product form  C(n − c, k) / C(n, k) = Π_{i = n−c+1}^{n} (1 − k / i).
public enum PassAtK {
    // ANCHOR: estimate
    public static func estimate(n: Int, correct c: Int, k: Int) -> Double {
        precondition(n >= 1 && 0...n ~= c && 1...n ~= k, "need 0 ≤ c ≤ n and 1 ≤ k ≤ n")
        if n - c < k { return 1 }                 // every k-subset holds a correct sample
        var allWrong = 1.0
        for i in (n - c + 1)...max(n - c + 1, n) where c > 0 { allWrong *= 1 - Double(k) / Double(i) }
        return 1 - allWrong
    }
    // ANCHOR_END: estimate

    /// The mean of per-problem estimates: a benchmark's pass@k.
    public static func mean(_ problems: [(n: Int, correct: Int)], k: Int) -> Double {
        guard !problems.isEmpty else { return 0 }
        return problems.map { estimate(n: $0.n, correct: $0.correct, k: k) }.reduce(0, +) / Double(problems.count)
    }

    /// The naive definition for checking: count the k-subsets with a correct sample (small n only).
    public static func bySubsets(n: Int, correct c: Int, k: Int) -> Double {
        var hits = 0, all = 0
        func walk(_ start: Int, _ left: Int, _ hit: Bool) {
            if left == 0 { all += 1; if hit { hits += 1 }; return }
            guard start < n else { return }
            for i in start..<n { walk(i + 1, left - 1, hit || i < c) }
        }
        walk(0, k, false)
        return all == 0 ? 0 : Double(hits) / Double(all)
    }
}
