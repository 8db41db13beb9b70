import Course
import Foundation

/// How `llmcourse ask` prints an answer: readable text in the reader's language, or JSON
/// (schema `llmcourse.ask/1`) for programs.
///
/// ```text
/// Answer (from the lessons):
///   The cache stores each layer's keys and values for every past token. [1]
///
/// 1. The LLM architecture › The KV cache
///    … stores the keys and values …
///    llmcourse read llm-architecture --section 5
/// ```
public enum AskReport {
    /// With `generated`, the model's answer was already streamed: the report lists the
    /// sources it was given (its citation numbers) instead of the extractive sentences.
    public static func text(_ result: CourseQuestion, language: CourseLanguage, bold: (String) -> String = { $0 },
                            generated: GeneratedAnswer? = nil) -> String {
        var out = ""
        if let generated {
            out += AskMessages.text(.sourcesHeading, language) + "\n"
            for (i, source) in generated.sources.enumerated() {
                out += "  [\(i + 1)] \(source.title) — \(source.readCommand)\n"
            }
        } else {
            out += AskMessages.text(.answerHeading, language) + "\n"
            for a in result.answer {
                out += "  " + a.sentence.split(whereSeparator: \.isNewline).joined(separator: " ") + " [\(a.citation)]\n"
            }
        }
        out += "\n"
        for (i, r) in result.results.enumerated() {
            out += "\(i + 1). " + bold("\(r.section.lessonTitle) › \(r.section.title)") + "\n"
            out += "   " + r.excerpt.rendered(bold) + "\n"
            out += "   " + r.section.readCommand + "\n"
        }
        return out
    }

    public static func json(_ result: CourseQuestion, index: SearchIndexCache.Outcome, generated: GeneratedAnswer? = nil) -> String {
        struct Payload: Encodable {
            struct Answer: Encodable { var sentence: String; var citation: Int }
            struct Source: Encodable { var citation: Int, lesson: String, section: Int, language: String, title: String }
            struct Generated: Encodable { var model: String, text: String, prompt_tokens: Int, sources: [Source] }
            struct Result: Encodable {
                var lesson: String, section: Int, language: String, title: String, lesson_title: String
                var score: Double, excerpt: String, highlights: [[Int]], command: String
            }
            var schema = "llmcourse.ask/1"
            var question: String
            var answer: [Answer]
            var results: [Result]
            var index: String
            var generated: Generated?
        }
        let indexState: String
        switch index {
        case .reused: indexState = "cached"
        case .built: indexState = "built"
        case .rebuiltDamaged: indexState = "rebuilt-damaged"
        }
        let payload = Payload(
            question: result.question,
            answer: result.answer.map { .init(sentence: $0.sentence, citation: $0.citation) },
            results: result.results.map { r in
                .init(lesson: r.section.lessonID, section: r.section.number, language: r.section.language.tag,
                      title: r.section.title, lesson_title: r.section.lessonTitle, score: r.score,
                      excerpt: r.excerpt.text, highlights: r.excerpt.highlights.map { [$0.lowerBound, $0.upperBound] },
                      command: r.section.readCommand)
            },
            index: indexState,
            generated: generated.map { g in
                .init(model: g.model, text: g.text, prompt_tokens: g.promptTokens, sources: g.sources.enumerated().map {
                    .init(citation: $0.offset + 1, lesson: $0.element.lessonID, section: $0.element.number,
                          language: $0.element.language.tag, title: $0.element.title)
                })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// The sentences `llmcourse ask` prints besides the lessons' own words, in both languages.
public enum AskMessages {
    public enum Key: Sendable {
        case answerHeading, emptyQuestion, noMatch, damagedCache
        case limitTooSmall, embeddingNeedsDense, trainingEncoder, embeddingSections, generatedHeading, sourcesHeading
        case questionTooLong, damagedEncoder, emptyCourse, rewriteNeedsModel, rewrites, buildingIndex
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        let template: String
        switch (key, language) {
        case (.answerHeading, .english): template = "Answer (sentences from the lessons):"
        case (.answerHeading, .traditionalChinese): template = "答案（摘自課文的句子）："
        case (.emptyQuestion, .english): template = "ask needs a question with at least one word, e.g. llmcourse ask \"what does the KV cache store?\""
        case (.emptyQuestion, .traditionalChinese): template = "ask 需要一個至少有一個詞的問題，例如 llmcourse ask \"什麼是量化？\""
        case (.noMatch, .english): template = "no section of the course matches \"{0}\". Try other words, or browse with llmcourse list."
        case (.noMatch, .traditionalChinese): template = "課程中沒有任何一節符合「{0}」。請換個說法，或用 llmcourse list 瀏覽課程。"
        case (.damagedCache, .english): template = "the search index cache {0} was damaged ({1}); it was rebuilt from the lessons."
        case (.damagedCache, .traditionalChinese): template = "搜尋索引快取 {0} 已損壞（{1}）；已從課文重新建立。"
        case (.damagedEncoder, .english): template = "the cached bi-encoder {0} was damaged ({1}); it was trained again."
        case (.damagedEncoder, .traditionalChinese): template = "快取的雙編碼器 {0} 已損壞（{1}）；已重新訓練。"
        case (.emptyCourse, .english): template = "the course at {0} has no lesson sections to search; check --course, or add lessons under Lessons/."
        case (.emptyCourse, .traditionalChinese): template = "{0} 的課程沒有可搜尋的課文小節；請檢查 --course，或在 Lessons/ 下加入課文。"
        case (.buildingIndex, .english): template = "building the search index from the lessons (once; kept in the state folder until a lesson changes)"
        case (.buildingIndex, .traditionalChinese): template = "正在從課文建立搜尋索引（只需一次；存於狀態資料夾，直到課文有變動）"
        case (.rewriteNeedsModel, .english): template = "--rewrite needs a model to reword the question: add --model DIR."
        case (.rewriteNeedsModel, .traditionalChinese): template = "--rewrite 需要一個模型來改寫問題：請加上 --model DIR。"
        case (.rewrites, .english): template = "searching also with the model's rewordings: {0}"
        case (.rewrites, .traditionalChinese): template = "也用模型改寫的問法搜尋：{0}"
        case (.limitTooSmall, .english): template = "--limit must be at least 1."
        case (.limitTooSmall, .traditionalChinese): template = "--limit 至少要是 1。"
        case (.embeddingNeedsDense, .english): template = "--embedding-model is used by dense search: add --retriever dense or --retriever hybrid."
        case (.embeddingNeedsDense, .traditionalChinese): template = "--embedding-model 用於稠密檢索：請加上 --retriever dense 或 --retriever hybrid。"
        case (.trainingEncoder, .english): template = "training the course's bi-encoder (once; kept in the state folder)"
        case (.trainingEncoder, .traditionalChinese): template = "訓練課程的雙編碼器（只需一次；存於狀態資料夾）"
        case (.embeddingSections, .english): template = "embedding the lessons' sections with {0} (once; kept in the state folder)"
        case (.embeddingSections, .traditionalChinese): template = "用 {0} 為課文各節計算向量（只需一次；存於狀態資料夾）"
        case (.generatedHeading, .english): template = "Answer (written by {0} from the sources below):"
        case (.generatedHeading, .traditionalChinese): template = "答案（由 {0} 根據下列來源撰寫）："
        case (.sourcesHeading, .english): template = "Sources given to the model:"
        case (.sourcesHeading, .traditionalChinese): template = "提供給模型的來源："
        case (.questionTooLong, .english): template = "the question is {0} tokens, but {1} has room for {2} beside the answer; ask a shorter question or lower --max-new-tokens."
        case (.questionTooLong, .traditionalChinese): template = "問題有 {0} 個詞元，但 {1} 扣掉答案只剩 {2} 個的空間；請縮短問題或降低 --max-new-tokens。"
        }
        return MessageTemplate.fill(template, args)
    }
}

/// An answer a model wrote from the found sections.
public struct GeneratedAnswer: Sendable {
    public var model: String
    public var text: String
    public var promptTokens: Int
    /// The sections in the prompt, in citation order: `sources[0]` is `[1]`.
    public var sources: [SearchableSection]

    public init(model: String, text: String, promptTokens: Int, sources: [SearchableSection]) {
        self.model = model
        self.text = text
        self.promptTokens = promptTokens
        self.sources = sources
    }
}
