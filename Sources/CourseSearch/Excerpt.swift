import Retrieval

/// A short piece of a section with the question's words marked, and the sentence-level
/// scoring that picks it.
///
/// A sentence's score is the sum of the idf of the distinct question terms it contains, so a
/// sentence with the rare words of the question ("KV", "cache") beats one with only common
/// ones ("what", "the"). Highlights are character ranges of the matched terms.
///
/// ```swift
/// let best = Excerpt.bestSentences(in: text, weights: index.termWeights(question), count: 1)
/// let excerpt = Excerpt(sentence: best[0].text, terms: Set(weights.keys), maxCharacters: 160)
/// excerpt.rendered { "**\($0)**" }      // "The cache **stores** the **keys** …"
/// ```
public struct Excerpt: Hashable, Sendable {
    public var text: String
    /// Character ranges of `text` to highlight, sorted and not overlapping.
    public var highlights: [Range<Int>]

    public struct ScoredSentence: Hashable, Sendable {
        public var text: String
        public var score: Double
    }

    // ANCHOR: sentences
    /// The `count` sentences of `text` that best cover the weighted question terms.
    public static func bestSentences(in text: String, weights: [String: Double], count: Int,
                                     minimumCharacters: Int = 12) -> [ScoredSentence] {
        let scored = SentenceSplitter.split(text).compactMap { piece -> ScoredSentence? in
            guard piece.text.count >= minimumCharacters else { return nil }
            let terms = Set(SearchTokenizer.terms(piece.text))
            let score = weights.reduce(0.0) { $0 + (terms.contains($1.key) ? $1.value : 0) }
            return score > 0 ? ScoredSentence(text: piece.text, score: score) : nil
        }
        // Stable order for equal scores: shorter (more to the point), then earlier.
        let ranked = scored.enumerated().sorted { a, b in
            if a.element.score != b.element.score { return a.element.score > b.element.score }
            if a.element.text.count != b.element.text.count { return a.element.text.count < b.element.text.count }
            return a.offset < b.offset
        }
        return ranked.prefix(count).map(\.element)
    }
    // ANCHOR_END: sentences

    /// `sentence` cut to at most `maxCharacters` around its first matched term (with `…` where
    /// cut), with every occurrence of `terms` marked.
    public init(sentence: String, terms: Set<String>, maxCharacters: Int = 160) {
        let characters = Array(sentence.split(whereSeparator: \.isNewline).joined(separator: " "))
        let all = Self.matches(of: terms, in: characters)
        var start = 0, end = characters.count
        if characters.count > maxCharacters {
            let first = all.first?.lowerBound ?? 0
            start = max(0, min(first - maxCharacters / 4, characters.count - maxCharacters))
            end = min(characters.count, start + maxCharacters)
        }
        let prefix = start > 0 ? "…" : "", suffix = end < characters.count ? "…" : ""
        text = prefix + String(characters[start..<end]) + suffix
        let shift = prefix.count - start
        highlights = all.compactMap { r in
            let lower = max(r.lowerBound, start), upper = min(r.upperBound, end)
            return lower < upper ? (lower + shift)..<(upper + shift) : nil
        }
    }

    /// Character ranges where a term occurs: whole words for alphabetic terms, any position
    /// for CJK bigrams. Overlapping ranges are merged.
    static func matches(of terms: Set<String>, in characters: [Character]) -> [Range<Int>] {
        let lowered = characters.map { Character($0.lowercased().count == 1 ? $0.lowercased() : String($0)) }
        var ranges: [Range<Int>] = []
        for term in terms {
            let t = Array(term)
            guard !t.isEmpty, t.count <= lowered.count else { continue }
            let isCJK = t.allSatisfy(SearchTokenizer.isCJK)
            for i in 0...(lowered.count - t.count) where Array(lowered[i..<(i + t.count)]) == t {
                let before = i == 0 || !(lowered[i - 1].isLetter || lowered[i - 1].isNumber)
                let afterIndex = i + t.count
                let after = afterIndex == lowered.count || !(lowered[afterIndex].isLetter || lowered[afterIndex].isNumber)
                if isCJK || (before && after) || (before && lowered[afterIndex] == "'") { ranges.append(i..<(i + t.count)) }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// The text with each highlight passed through `mark` (bold on a terminal, `**…**` in Markdown).
    public func rendered(_ mark: (String) -> String) -> String {
        let c = Array(text)
        var out = "", position = 0
        for r in highlights {
            out += String(c[position..<r.lowerBound]) + mark(String(c[r]))
            position = r.upperBound
        }
        return out + String(c[position...])
    }
}
