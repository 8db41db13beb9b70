import Course
import CourseSearch
import Foundation
import Testing
@testable import Retrieval

/// `llmcourse ask` on the course's own lessons.
@Suite("Asking the course")
struct AskTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let index: CourseSearchIndex = {
        // The real lessons of this repository; a broken course fails every test here.
        CourseSearchIndex(course: (try? CourseLoader.load(root: root)) ?? Course(root: root, roadmaps: [:], lessons: [:], sourceHashes: [:], diagnostics: []))
    }()

    @Test("\"what does the KV cache store?\" finds the KV cache section first")
    func kvCache() throws {
        let answer = try CourseQuestion.ask("what does the KV cache store?", index: Self.index)
        #expect(answer.results.first?.section.lessonID == "inference-optimization")
        #expect(answer.results.first?.section.title == "The KV cache")
        #expect(answer.results.first?.section.readCommand == "llmcourse read inference-optimization --section 2")
        #expect(answer.answer.first.map { $0.sentence.contains("KV cache") || $0.sentence.contains("keys and values") } == true)
    }

    @Test("\"什麼是量化？\" finds the quantization lesson first, in Chinese")
    func quantization() throws {
        let answer = try CourseQuestion.ask("什麼是量化？", index: Self.index)
        let first = try #require(answer.results.first)
        #expect(first.section.lessonID == "quantization" && first.section.number == 1)
        #expect(first.section.language == .traditionalChinese)
        #expect(first.excerpt.highlights.isEmpty == false)
    }

    @Test("empty questions and questions nothing matches are reported, not answered")
    func problems() {
        #expect(throws: CourseQuestion.Problem.emptyQuestion) { try CourseQuestion.ask("  ？！ ", index: Self.index) }
        #expect(throws: CourseQuestion.Problem.noMatch(question: "zzxqv wqpfk")) { try CourseQuestion.ask("zzxqv wqpfk", index: Self.index) }
        #expect(throws: CourseQuestion.Problem.emptyCourse) { try CourseQuestion.ask("cache", index: CourseSearchIndex(sections: [])) }
    }

    @Test("--lang keeps one edition")
    func languageFilter() {
        let hits = Self.index.search("quantization 量化", k: 10, language: .english)
        #expect(!hits.isEmpty && hits.allSatisfy { $0.section.language == .english })
    }

    @Test("question terms drop question words but keep the subject")
    func questionTerms() {
        #expect(QuestionTerms.terms("什麼是量化？") == ["量化"])
        #expect(QuestionTerms.terms("What does the KV cache store?") == ["kv", "cache", "store"])
        #expect(QuestionTerms.terms("what is it?") == ["what", "is", "it"])
    }

    @Test("excerpts mark whole words and Chinese bigrams")
    func excerpt() {
        let e = Excerpt(sentence: "The cache stores keys; caches differ. 量化很好。", terms: ["cache", "量化"])
        #expect(e.rendered { "[\($0)]" } == "The [cache] stores keys; caches differ. [量化]很好。")
        let long = Excerpt(sentence: String(repeating: "word ", count: 60) + "target here", terms: ["target"], maxCharacters: 40)
        #expect(long.text.hasPrefix("…") && long.text.count <= 42 && long.rendered { "<\($0)>" }.contains("<target>"))
    }

    @Test("the labeled question set: recall@5 ≥ 0.9 and MRR ≥ 0.8 in each language")
    func questionSet() throws {
        let set = try QuestionSet.load(from: Self.root.appendingPathComponent("Benchmarks/ask-questions.jsonl"))
        #expect(set.questions.count >= 120)
        let english = QuestionSet(questions: set.questions.filter { $0.lang == "en" })
        let chinese = QuestionSet(questions: set.questions.filter { $0.lang == "zh-TW" })
        #expect(english.questions.count == chinese.questions.count)
        for (name, subset) in [("en", english), ("zh-TW", chinese), ("all", set)] {
            let score = subset.evaluate(Self.index, k: 5)
            print("ask question set [\(name)]: \(score.count) questions, recall@5 \(score.recall), MRR \(score.mrr)")
            for miss in score.misses { print("  missed: \(miss.question) → \(miss.lesson) §\(miss.section)") }
            #expect(score.recall >= 0.9, "\(name): recall@5 \(score.recall)")
            #expect(score.mrr >= 0.8, "\(name): MRR \(score.mrr)")
        }
    }
}

@Suite("The ask index cache")
struct SearchIndexCacheTests {
    @Test("built once, reused, rebuilt when a lesson changes, and rebuilt (not trusted) when damaged")
    func lifecycle() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ask-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let lesson = root.appendingPathComponent("Lessons/demo/lesson.md")
        try FileManager.default.createDirectory(at: lesson.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# Demo\n\n## One\n\nText.\n".utf8).write(to: lesson)
        let cache = SearchIndexCache(courseRoot: root, stateDirectory: root.appendingPathComponent("state"))
        var loads = 0
        let load: () throws -> Course = {
            loads += 1
            return Course(root: root, roadmaps: [:], lessons: [:], sourceHashes: [:], diagnostics: [])
        }
        #expect(try cache.index(loadCourse: load).1 == .built)
        #expect(try cache.index(loadCourse: load).1 == .reused)
        #expect(loads == 1)
        try Data("# Demo\n\n## One\n\nOther text.\n".utf8).write(to: lesson)
        #expect(try cache.index(loadCourse: load).1 == .built)
        try Data("{\"format\": 2, \"fingerprint\": ".utf8).write(to: cache.fileURL)
        #expect(try cache.index(loadCourse: load).1 == .rebuiltDamaged(reason: "not a readable index file"))
        #expect(try cache.index(loadCourse: load).1 == .reused)
        #expect(loads == 3)
    }
}
