import LLMCourseKit

// The reference answer: the course library's n-gram model
// (Sources/Fundamentals/NGramLanguageModel.swift, region "ngram-probability") with n = 2 and
// add-k smoothing; its conventions (one boundary before each document, one unknown symbol)
// are the exercise's.
func bigramPerplexity(train: String, test: String, k: Double) -> Double {
    var model = NGramLanguageModel<Character>(order: 2, smoothing: .addK(k))
    model.train(text: train)
    return model.perplexity(text: test)
}
