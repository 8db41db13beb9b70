import LLMCourseKit

/// Every character n-gram of `text` for n = 1…maxOrder, with how often it occurs.
/// `"abab"`, maxOrder 3 → a:2 b:2 ab:2 ba:1 aba:1 bab:1. Spaces and punctuation are characters too.
func characterNgrams(_ text: String, maxOrder: Int) -> [String: Int] {
    // TODO: for each n in 1...maxOrder, slide a window of n characters over Array(text) and count it.
    return [:]
}

/// Naive Bayes log scores of `text` for every label, trained on `texts[i]` labeled `labels[i]`,
/// with character 1–3-grams and add-one smoothing:
///
///     log P(ℓ)     = log(texts labeled ℓ / all texts)
///     log P(g | ℓ) = log((N(ℓ, g) + 1) / (N(ℓ) + V))
///     score(ℓ)     = log P(ℓ) + Σ_g count(g, text) · log P(g | ℓ)
///
/// N(ℓ, g): count of n-gram g over ℓ's texts; N(ℓ): all n-grams of ℓ's texts; V: distinct
/// n-grams over all training texts. N-grams of `text` that no training text has are skipped.
func languageScores(labels: [String], texts: [String], text: String) -> [String: Double] {
    // TODO: count n-grams per label (characterNgrams(_, maxOrder: 3)) and collect the vocabulary.
    // TODO: start every label at its log prior, then add count · log P(g | ℓ) for each known n-gram of text.
    return [:]
}
