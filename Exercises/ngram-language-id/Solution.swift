import LLMCourseKit

// The reference answer: the library's identifier (Sources/FineTuning/Data/LanguageIdentifier.swift,
// regions "train" and "identify").
func characterNgrams(_ text: String, maxOrder: Int) -> [String: Int] {
    LanguageIdentifier.ngrams(text, orders: 1...maxOrder)
}

func languageScores(labels: [String], texts: [String], text: String) -> [String: Double] {
    LanguageIdentifier(training: Array(zip(labels, texts)).map { (label: $0.0, text: $0.1) }).identify(text).logScores
}
