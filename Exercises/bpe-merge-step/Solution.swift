import LLMCourseKit

// The reference answer: the library's training step (Sources/Transformers/Tokenizer/BytePairTrainer.swift,
// region "merge-step").
func mostFrequentPair(in words: [(ids: [Int], count: Int)]) -> (pair: BytePairTokenizer.Pair, count: Int)? {
    BytePairTrainer.mostFrequentPair(in: words)
}

func merge(_ pair: BytePairTokenizer.Pair, into id: Int, in words: [(ids: [Int], count: Int)]) -> [(ids: [Int], count: Int)] {
    BytePairTrainer.merge(pair, into: id, in: words)
}
