import Foundation

/// Query expansion across two languages, learned from documents that say the same thing in
/// both: the course's English and Chinese editions of each section.
///
/// An English term `e` and a Chinese term `z` are likely translations when they keep turning
/// up in the same aligned pair. The Dice coefficient measures it over the `N` pairs:
///
///     dice(e, z) = 2 · #pairs with e on one side and z on the other / (#pairs with e + #pairs with z)
///
/// 1 means they always occur together, 0 never. "quantization" and "量化" score high;
/// "the" is left out because it is in most pairs (a term in more than half of them cannot
/// tell pairs apart), and a term written identically on both sides is not paired at all. Each term keeps its best
/// partners with at least `minimumPairs` shared pairs and a score of `threshold` or more.
/// Expanding a question adds each term's best partner, so "什麼是量化？" is also a question
/// about "quantization" and finds sections whose Chinese wording differs from the question's.
///
/// ```swift
/// let lexicon = TranslationLexicon(pairs: alignedSections)          // [(english, chinese)]
/// lexicon.translations(of: "量化")                                  // [("quantization", 0.8), …]
/// lexicon.expand(["量化"])                                          // ["量化", "quantization"]
/// ```
public struct TranslationLexicon: Sendable, Codable, Equatable {
    public struct Translation: Hashable, Sendable, Codable {
        public var term: String
        public var dice: Double
    }

    /// Best partners of each term, best first.
    public private(set) var table: [String: [Translation]] = [:]

    // ANCHOR: dice
    public init(pairs: [(String, String)], minimumPairs: Int = 3, threshold: Double = 0.3, keep: Int = 2) {
        // Terms become integers; only terms in at least `minimumPairs` pairs, and in at most
        // half of them, can pass the threshold with a partner, so the rest are never paired.
        var names: [String] = [], ids: [String: Int] = [:]
        // A term written the same way on both sides ("kv", "bm25", a Chinese word quoted in the
        // English text) needs no translation, and pairing it would mistake quotation for meaning:
        // it is dropped from both sides of that pair.
        let sides = pairs.map { pair -> [[Int]] in
            let a = Set(SearchTokenizer.terms(pair.0)), b = Set(SearchTokenizer.terms(pair.1))
            return [a.subtracting(b), b.subtracting(a)].map { terms in
                terms.sorted().map { term in
                    if let id = ids[term] { return id }
                    ids[term] = names.count
                    names.append(term)
                    return names.count - 1
                }
            }
        }
        var left = [Int](repeating: 0, count: names.count), right = left
        for side in sides {
            for e in side[0] { left[e] += 1 }
            for z in side[1] { right[z] += 1 }
        }
        let useful: (Int) -> Bool = { $0 >= minimumPairs && 2 * $0 <= pairs.count }
        var both: [Int: Int] = [:]                  // e · count + z → pairs holding both
        for side in sides {
            let es = side[0].filter { useful(left[$0]) }, zs = side[1].filter { useful(right[$0]) }
            for e in es { for z in zs { both[e * names.count + z, default: 0] += 1 } }
        }
        var table: [String: [Translation]] = [:]
        for (key, shared) in both where shared >= minimumPairs {
            let (e, z) = key.quotientAndRemainder(dividingBy: names.count)
            let dice = 2 * Double(shared) / Double(left[e] + right[z])
            guard dice >= threshold, e != z else { continue }
            table[names[e], default: []].append(Translation(term: names[z], dice: dice))
            table[names[z], default: []].append(Translation(term: names[e], dice: dice))
        }
        self.table = table.mapValues { list in
            Array(list.sorted { $0.dice != $1.dice ? $0.dice > $1.dice : $0.term < $1.term }.prefix(keep))
        }
    }
    // ANCHOR_END: dice

    public func translations(of term: String) -> [Translation] { table[term] ?? [] }

    /// `terms` followed by the best partner of each (no duplicates).
    public func expand(_ terms: [String]) -> [String] {
        var out = terms
        var seen = Set(terms)
        for term in terms {
            if let best = table[term]?.first, seen.insert(best.term).inserted { out.append(best.term) }
        }
        return out
    }
}
