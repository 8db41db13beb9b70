import Retrieval

/// The search terms of a question: ``SearchTokenizer``'s terms without the words that only
/// make it a question.
///
/// "What does the KV cache store?" and "什麼是量化？" are mostly question scaffolding; BM25's
/// idf already weighs "the" lightly, but "什麼" or the bigram "是量" (half of "是", half of
/// "量化") are rare enough in the lessons to pull in sections that merely ask something.
/// English function words are dropped whole; a Chinese bigram is dropped when either of its
/// characters is a question or function character (的, 是, 什, 麼, 嗎, 如, 何, 為 …), so
/// "量化" survives and "是量" does not. Only questions are filtered: the index keeps every term.
///
/// ```swift
/// QuestionTerms.terms("什麼是量化？")                    // ["量化"]
/// QuestionTerms.terms("What does the KV cache store?")  // ["kv", "cache", "store"]
/// ```
public enum QuestionTerms {
    public static func terms(_ question: String) -> [String] {
        let all = SearchTokenizer.terms(question)
        let kept = all.filter { term in
            if term.unicodeScalars.contains(where: { SearchTokenizer.isCJK(Character($0)) }) {
                return !term.contains(where: functionCharacters.contains)
            }
            return !englishStopWords.contains(term)
        }
        // A question made only of such words is still a question: search with all of them.
        return kept.isEmpty ? all : kept
    }

    static let englishStopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
        "what", "which", "who", "whom", "whose", "how", "why", "when", "where",
        "is", "are", "was", "were", "be", "been", "does", "do", "did", "can", "could", "should", "would", "will",
        "it", "its", "this", "that", "these", "those", "there", "i", "you", "we", "they", "me", "my", "your",
        "about", "into", "than", "then", "so", "if", "not", "no", "much", "many",
    ]

    /// Characters that ask or join rather than name something. Kept short on purpose: "樣"
    /// would also remove 樣本 (sample), "能" 性能 (performance).
    static let functionCharacters: Set<Character> = [
        "的", "是", "什", "麼", "嗎", "呢", "吧", "如", "何", "為", "怎", "哪", "誰", "了",
        "把", "被", "這", "那", "與", "和", "或", "及",
    ]
}
