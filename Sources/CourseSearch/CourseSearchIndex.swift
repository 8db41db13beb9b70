import Course
import Foundation
import Retrieval

/// One searchable unit: a `##` section of one edition of one lesson.
public struct SearchableSection: Hashable, Sendable, Codable {
    public var lessonID: String
    public var language: CourseLanguage
    /// Position among the lesson's sections, from 1 (as `llmcourse read <id> --section N` takes it).
    public var number: Int
    public var title: String
    public var lessonTitle: String
    public var text: String

    /// The command that opens this section.
    public var readCommand: String {
        "llmcourse read \(lessonID) --section \(number)" + (language == .english ? "" : " --lang \(language.tag)")
    }
}

/// BM25 over every section of every lesson, in both languages: what `llmcourse ask` searches.
///
/// Two fields per section, in the spirit of BM25F: the text (title and prose; the first
/// section also holds the lesson's introduction, as the reader shows them together) and the
/// title alone (the first section's with the lesson's title). A section's score is the sum
/// of both fields' BM25 scores, so a heading that names the question's subject outweighs a
/// passing mention in a long text. Terms come from ``QuestionTerms`` and ``SearchTokenizer``
/// (English words, Chinese bigrams). A search returns sections, not
/// editions: when both editions of one section match, the better score stands for it.
///
/// ```swift
/// let index = CourseSearchIndex(course: try CourseLoader.load(root: root))
/// let hits = index.search("what does the KV cache store?", k: 5)
/// hits[0].section.readCommand       // "llmcourse read llm-architecture --section 5"
/// ```
public struct CourseSearchIndex: Sendable, Codable {
    public private(set) var sections: [SearchableSection] = []
    /// BM25 over each section's text.
    public private(set) var bm25 = BM25()
    /// BM25 over each section's title (with the lesson's title on the first section): a short
    /// field, so a title that *is* the question's subject scores high.
    public private(set) var titles = BM25()
    /// How much a title match counts next to a text match.
    public static let titleWeight = 1.0

    /// One search result.
    public struct Hit: Hashable, Sendable {
        public var section: SearchableSection
        public var score: Double
    }

    public init(course: Course) {
        // Roadmap order first (stable ids for equal scores), then any lesson the roadmap misses.
        let listed = course.roadmaps[.english]?.lessonIDs ?? []
        for id in listed + course.lessons.keys.filter({ !listed.contains($0) }).sorted() {
            for language in CourseLanguage.allCases {
                guard let lesson = course.lessons[id]?[language] else { continue }
                for section in lesson.sections where Self.explains(section) {
                    // The reader shows the introduction on the first section's page, so it is searched with it.
                    let intro = section.index == 0 ? SectionText.plain(lesson.introduction) + "\n" : ""
                    add(SearchableSection(lessonID: id, language: language, number: section.index + 1,
                                          title: section.title, lessonTitle: lesson.title, text: intro + SectionText.plain(section)))
                }
            }
        }
    }

    /// False for sections with no paragraph at all — the bullet-list recaps ("Key topics") and
    /// reference lists that end each lesson. They repeat, in the densest form, words the
    /// sections before them explain, so BM25 would rank a recap bullet above the explanation.
    /// A section that is mostly the text of links to outside sources is a reference list.
    static func explains(_ section: LessonSection) -> Bool {
        guard section.blocks.contains(where: { if case .paragraph = $0 { return true } else { return false } }) else { return false }
        let linkText = section.links.filter { $0.kind == .external }.reduce(0) { $0 + $1.text.count }
        return linkText * 2 < SectionText.plain(section).count
    }

    public init(sections: [SearchableSection]) {
        for s in sections { add(s) }
    }

    mutating func add(_ section: SearchableSection) {
        sections.append(section)
        bm25.add(SearchTokenizer.terms(section.title + "\n" + section.text))
        // The lesson's title belongs to its first page (the reader shows title, introduction
        // and first section together), so a question naming the whole topic lands there.
        titles.add(SearchTokenizer.terms(section.number == 1 ? section.lessonTitle + "\n" + section.title : section.title))
    }

    // ANCHOR: search
    /// The `k` best sections for `question`, best first. `language` keeps one edition only.
    public func search(_ question: String, k: Int, language: CourseLanguage? = nil) -> [Hit] {
        Array(bestEditions(sparseScores(QuestionTerms.terms(question)), language: language).prefix(k))
    }

    /// BM25F-style score of every section (both fields) for `terms`, in ``sections`` order.
    public func sparseScores(_ terms: [String]) -> [Double] {
        zip(bm25.scores(terms), titles.scores(terms)).map { $0 + Self.titleWeight * $1 }
    }

    /// One hit per (lesson, section) — the better-scoring edition — best first, positive
    /// scores only; equal scores by lesson id, then section number.
    public func bestEditions(_ scores: [Double], language: CourseLanguage? = nil) -> [Hit] {
        var best: [String: Hit] = [:]
        for (i, score) in scores.enumerated() where score > 0 {
            let s = sections[i]
            if let language, s.language != language { continue }
            let key = "\(s.lessonID)#\(s.number)"
            if let current = best[key], current.score >= score { continue }
            best[key] = Hit(section: s, score: score)
        }
        return best.values.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.section.lessonID, $0.section.number) < ($1.section.lessonID, $1.section.number)
        }
    }
    // ANCHOR_END: search

    /// The idf of each term of `question`, for ranking sentences in an answer.
    public func termWeights(_ question: String) -> [String: Double] {
        var weights: [String: Double] = [:]
        for term in QuestionTerms.terms(question) {
            weights[term] = BM25.idf(documentFrequency: bm25.index.documentFrequency(term), documentCount: bm25.documentCount)
        }
        return weights
    }
}
