/// The typo fallback of the search (Swift twin of `fuzzy` in ``SearchScript``): when a query
/// word matches no index term exactly or as a prefix, terms within a small edit distance count
/// instead — one edit for words of 4–7 letters, two from 8 letters, none below 4 (short words
/// have too many neighbors: "cat" is one edit from "bat", "cut", "car").
///
/// The distance is optimal string alignment (Levenshtein plus swapping two neighbors, the
/// most common typing slip: "atention", "softmx", "tranfsormer").
enum FuzzyMatch {
    /// How many edits a query word of this length may be away from a term.
    static func allowedEdits(_ word: String) -> Int {
        let n = word.count
        return n >= 8 ? 2 : n >= 4 ? 1 : 0
    }

    /// The index terms `word` may have been meant as (CJK is never fuzzy-matched).
    static func candidates(_ word: String, in terms: some Sequence<String>) -> [String] {
        let limit = allowedEdits(word)
        guard limit > 0, !word.unicodeScalars.contains(where: SearchTokenizer.isCJK) else { return [] }
        let w = Array(word)
        return terms.filter { t in
            abs(t.count - w.count) <= limit && distance(w, Array(t), limit: limit) <= limit
        }
    }

    /// Optimal-string-alignment distance, giving up (returning `limit + 1`) once every cell of a
    /// row exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                best = min(best, d)
            }
            if best > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
