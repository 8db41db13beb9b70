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
    public static func text(_ result: CourseQuestion, language: CourseLanguage, bold: (String) -> String = { $0 }) -> String {
        var out = AskMessages.text(.answerHeading, language) + "\n"
        for a in result.answer {
            out += "  " + a.sentence.split(whereSeparator: \.isNewline).joined(separator: " ") + " [\(a.citation)]\n"
        }
        out += "\n"
        for (i, r) in result.results.enumerated() {
            out += "\(i + 1). " + bold("\(r.section.lessonTitle) › \(r.section.title)") + "\n"
            out += "   " + r.excerpt.rendered(bold) + "\n"
            out += "   " + r.section.readCommand + "\n"
        }
        return out
    }

    public static func json(_ result: CourseQuestion, index: SearchIndexCache.Outcome) -> String {
        struct Payload: Encodable {
            struct Answer: Encodable { var sentence: String; var citation: Int }
            struct Result: Encodable {
                var lesson: String, section: Int, language: String, title: String, lesson_title: String
                var score: Double, excerpt: String, highlights: [[Int]], command: String
            }
            var schema = "llmcourse.ask/1"
            var question: String
            var answer: [Answer]
            var results: [Result]
            var index: String
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
            index: indexState)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// The sentences `llmcourse ask` prints besides the lessons' own words, in both languages.
public enum AskMessages {
    public enum Key: Sendable {
        case answerHeading, emptyQuestion, noMatch, damagedCache
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
        }
        return MessageTemplate.fill(template, args)
    }
}
