import Course
import Foundation
import Retrieval

/// What `llmcourse ask` answers: the best sections for a question, a short excerpt of each,
/// and an extractive answer made of the best sentences of the top sections.
///
/// Nothing here generates text: the answer is sentences copied from the lessons, each with
/// the number of the section it came from, so every word can be checked by reading it.
///
/// ```swift
/// let answer = try CourseQuestion.ask("什麼是量化？", index: index, limit: 5)
/// answer.results[0].section.lessonID        // "quantization"
/// answer.answer.map(\.sentence)
/// ```
public struct CourseQuestion: Sendable {
    public struct Result: Hashable, Sendable {
        public var section: SearchableSection
        public var score: Double
        public var excerpt: Excerpt
    }

    public struct AnswerSentence: Hashable, Sendable {
        public var sentence: String
        /// 1-based position of its section in ``results``.
        public var citation: Int
    }

    public enum Problem: Error, Equatable, Sendable {
        /// The question has no searchable words (empty, or only punctuation).
        case emptyQuestion
        /// No section shares a word with the question.
        case noMatch(question: String)
        /// The course has no lesson sections to search.
        case emptyCourse
    }

    public var question: String
    public var results: [Result]
    public var answer: [AnswerSentence]

    /// BM25 alone (``CourseSearchIndex/search(_:k:language:)``).
    public static func ask(_ question: String, index: CourseSearchIndex, limit: Int = 5,
                           language: CourseLanguage? = nil, answerSentences: Int = 2) throws(Problem) -> CourseQuestion {
        try ask(question, retriever: CourseRetriever(index: index), limit: limit, language: language, answerSentences: answerSentences)
    }

    // ANCHOR: ask
    public static func ask(_ question: String, retriever: CourseRetriever, options: CourseRetriever.Options = .bm25,
                           rewrites: [String] = [], limit: Int = 5,
                           language: CourseLanguage? = nil, answerSentences: Int = 2) throws(Problem) -> CourseQuestion {
        guard !QuestionTerms.terms(question).isEmpty else { throw .emptyQuestion }
        let index = retriever.index
        guard !index.sections.isEmpty else { throw .emptyCourse }
        let hits = retriever.search(question, rewrites: rewrites, k: limit, language: language, options: options)
        guard !hits.isEmpty else { throw .noMatch(question: question) }
        let weights = index.termWeights(question)
        let terms = Set(weights.keys)
        var results: [Result] = []
        var candidates: [(sentence: Excerpt.ScoredSentence, citation: Int)] = []
        for (i, hit) in hits.enumerated() {
            let best = Excerpt.bestSentences(in: hit.section.text, weights: weights, count: 3)
            let excerptSource = best.first?.text ?? String(hit.section.text.prefix(200))
            results.append(Result(section: hit.section, score: hit.score, excerpt: Excerpt(sentence: excerptSource, terms: terms)))
            // The answer draws on the three best sections, trusting higher-ranked ones more.
            if i < 3 { candidates += best.map { (Excerpt.ScoredSentence(text: $0.text, score: $0.score / Double(i + 1)), i + 1) } }
        }
        let chosen = candidates.enumerated().sorted {
            $0.element.sentence.score != $1.element.sentence.score ? $0.element.sentence.score > $1.element.sentence.score : $0.offset < $1.offset
        }.prefix(answerSentences).map(\.element)
        let answer = chosen.map { AnswerSentence(sentence: $0.sentence.text, citation: $0.citation) }
        return CourseQuestion(question: question, results: results, answer: answer)
    }
    // ANCHOR_END: ask

    /// The prompt that asks a model to answer from the found sections: each section's best
    /// sentences as a numbered source (``PromptAssembler``), within `budget` tokens as
    /// `countTokens` counts them. Each source gets at most a third of the budget, filled with
    /// its best sentences in order (the first one cut short if it alone is too long), so the
    /// top section always makes it in. Citation `[n]` is the n-th passage kept.
    public func groundedPrompt(budget: Int, countTokens: @escaping (String) -> Int,
                               sentencesPerSection: Int = 4) -> (prompt: PromptAssembler.Prompt, sources: [SearchableSection]) {
        let terms = Dictionary(QuestionTerms.terms(question).map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a })
        let share = max(budget / max(min(results.count, 3), 1) - 16, 8)
        let passages = results.map { r in
            let best = Excerpt.bestSentences(in: r.section.text, weights: terms, count: sentencesPerSection).map(\.text)
            var text = ""
            for sentence in best.isEmpty ? [String(r.section.text.prefix(400))] : best {
                let longer = text.isEmpty ? sentence : text + " " + sentence
                if countTokens(longer) <= share { text = longer } else if text.isEmpty {
                    // Even the best sentence is too long: keep as much of it as fits.
                    var cut = sentence
                    while !cut.isEmpty && countTokens(cut + "…") > share { cut = String(cut.prefix(cut.count * 3 / 4)) }
                    text = cut.isEmpty ? "" : cut + "…"
                }
            }
            return PromptAssembler.Passage(source: "\(r.section.lessonID) §\(r.section.number): \(r.section.title)",
                                           text: text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        let prompt = PromptAssembler(budget: budget, countTokens: countTokens).assemble(question: question, passages: passages)
        let sources = prompt.citations.compactMap { kept in passages.firstIndex(of: kept).map { results[$0].section } }
        return (prompt, sources)
    }
}
