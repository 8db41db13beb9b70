/// Character n-grams of each word: a second, more forgiving way to turn text into terms.
///
/// "quantised" and "quantized" share no word, but as trigrams of `#quantised#` and
/// `#quantized#` they share six of nine (`#qu`, `qua`, `uan`, `ant`, `nti`, `ed#`…). A BM25
/// index over these terms finds spelling variants, inflections and typos that the word index
/// misses, at the price of more, vaguer matches — which is why it is fused with the word
/// index (``ReciprocalRankFusion``) rather than used alone. `#` marks the ends of a word, so
/// prefixes and suffixes count. CJK terms (already bigrams) pass through unchanged.
///
/// ```swift
/// CharacterNGrams.terms("Int8 cache", n: 3)
/// // ["#in", "int", "nt8", "t8#", "#ca", "cac", "ach", "che", "he#"]
/// ```
public enum CharacterNGrams {
    // ANCHOR: ngrams
    public static func terms(_ text: String, n: Int = 3) -> [String] {
        precondition(n >= 2, "CharacterNGrams.terms: n must be at least 2, got \(n)")
        var out: [String] = []
        for term in SearchTokenizer.terms(text) {
            if term.contains(where: SearchTokenizer.isCJK) {
                out.append(term)
                continue
            }
            let padded = Array("#" + term + "#")
            if padded.count <= n {
                out.append(String(padded))
                continue
            }
            for i in 0...(padded.count - n) { out.append(String(padded[i..<(i + n)])) }
        }
        return out
    }
    // ANCHOR_END: ngrams
}
