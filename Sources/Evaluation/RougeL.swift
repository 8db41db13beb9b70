/// ROUGE-L (Lin, 2004): how much of the reference the output covers, in order, measured by
/// their longest common subsequence (LCS) of words.
///
///     P = LCS / |output|      R = LCS / |reference|      F = 2PR / (P + R)
///
/// Words are found as Google's `rouge-score` finds them (no stemming): lowercase, every run of
/// characters other than a–z and 0–9 is a space. That tokenizer drops non-ASCII letters, so
/// Chinese text scores 0 here, as it does there; score Chinese with BLEU or by characters.
///
///     RougeL.score(output: "the cat sat", reference: "the cat is here").f   // 0.571…
public enum RougeL {
    public struct Score: Sendable, Equatable {
        public let precision: Double
        public let recall: Double
        public let f: Double
    }

    public static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }.map(String.init)
    }

    // ANCHOR: lcs
    /// Length of the longest common subsequence, by dynamic programming over two rows:
    /// row[j] = LCS of a[..<i] and b[..<j].
    public static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 0..<a.count {
            for j in 0..<b.count {
                current[j + 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
    // ANCHOR_END: lcs

    public static func score(output: String, reference: String) -> Score {
        let o = tokens(output), r = tokens(reference)
        guard !o.isEmpty, !r.isEmpty else { return Score(precision: 0, recall: 0, f: 0) }
        let lcs = Double(lcsLength(o, r))
        let p = lcs / Double(o.count), rec = lcs / Double(r.count)
        return Score(precision: p, recall: rec, f: p + rec > 0 ? 2 * p * rec / (p + rec) : 0)
    }
}
