/// Counts of every n-gram of a token list, for n = 1 … `maxOrder`.
///
///     NGrams.counts(["a", "b", "a"], maxOrder: 2)   // [a]: 2, [b]: 1, [a b]: 1, [b a]: 1
public enum NGrams {
    public static func counts(_ tokens: [String], maxOrder: Int) -> [[String]: Int] {
        var counts: [[String]: Int] = [:]
        for n in 1...max(1, maxOrder) where n <= tokens.count {
            for start in 0...(tokens.count - n) { counts[Array(tokens[start..<start + n]), default: 0] += 1 }
        }
        return counts
    }

    /// The set of n-grams of one order, for overlap checks.
    public static func set(_ tokens: [String], order n: Int) -> Set<ArraySlice<String>> {
        guard n >= 1, tokens.count >= n else { return [] }
        return Set((0...(tokens.count - n)).map { tokens[$0..<$0 + n] })
    }
}
