import LLMCourseKit

/// The most frequent neighboring pair over `words` (each occurrence counted `count` times),
/// ties to the smaller `(left, right)`; nil when no word has two ids.
func mostFrequentPair(in words: [(ids: [Int], count: Int)]) -> (pair: BytePairTokenizer.Pair, count: Int)? {
    // TODO: count the pairs, then pick the best one.
    return nil
}

/// `words` with every occurrence of `pair`, left to right, replaced by `id`.
func merge(_ pair: BytePairTokenizer.Pair, into id: Int, in words: [(ids: [Int], count: Int)]) -> [(ids: [Int], count: Int)] {
    // TODO: rebuild each word's ids.
    return words
}
