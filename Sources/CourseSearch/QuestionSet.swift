import Course
import Foundation
import Retrieval

/// Questions about the course with the section that answers each: the yardstick for
/// ``CourseSearchIndex``. Stored as JSON lines,
///
///     {"question": "What does the KV cache store?", "lang": "en", "lesson": "inference-optimization", "section": 2}
///
/// with an optional `"also": [["attention", 3]]` for questions a second section answers as
/// well. A search is scored by the rank of the first labeled section among its results.
///
/// ```swift
/// let questions = try QuestionSet.load(from: url)
/// let score = questions.evaluate(index, k: 5)      // recall@5 and MRR
/// ```
public struct QuestionSet: Sendable {
    public struct Question: Hashable, Sendable, Codable {
        public var question: String
        public var lang: String
        public var lesson: String
        public var section: Int
        public var also: [[SectionRef]]?

        /// The labeled sections, as `lesson#section` keys.
        public var answers: Set<String> {
            var keys: Set<String> = ["\(lesson)#\(section)"]
            for ref in also ?? [] where ref.count == 2 {
                if case .lesson(let l) = ref[0], case .section(let s) = ref[1] { keys.insert("\(l)#\(s)") }
            }
            return keys
        }
    }

    /// One element of an `also` pair: a lesson id or a section number.
    public enum SectionRef: Hashable, Sendable, Codable {
        case lesson(String)
        case section(Int)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .section(n) } else { self = .lesson(try c.decode(String.self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .lesson(let l): try c.encode(l)
            case .section(let s): try c.encode(s)
            }
        }
    }

    public var questions: [Question]

    public init(questions: [Question]) { self.questions = questions }

    public static func load(from url: URL) throws -> QuestionSet {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return QuestionSet(questions: try text.split(whereSeparator: \.isNewline).map {
            try decoder.decode(Question.self, from: Data($0.utf8))
        })
    }

    public struct Score: Sendable {
        public var recall: Double
        public var mrr: Double
        /// nDCG@k with gain 1 for every labeled section.
        public var ndcg: Double
        public var count: Int
        /// Questions whose answer was not in the top k.
        public var misses: [Question]
    }

    /// recall@k and MRR of ``CourseSearchIndex``'s BM25 search.
    public func evaluate(_ index: CourseSearchIndex, k: Int = 5) -> Score {
        evaluate(k: k) { index.search($0, k: k) }
    }

    // ANCHOR: evaluate
    /// recall@k (the share of questions with a labeled section among the top k), MRR and nDCG
    /// (over the top k) of the rankings `search` returns for these questions.
    public func evaluate(k: Int = 5, search: (String) -> [CourseSearchIndex.Hit]) -> Score {
        var ids: [String: Int] = [:]                 // section key → number, for RankingMetrics
        func id(_ key: String) -> Int {
            if let i = ids[key] { return i }
            ids[key] = ids.count
            return ids.count - 1
        }
        var rankings: [[Int]] = [], relevant: [Set<Int>] = [], misses: [Question] = [], ndcg = 0.0
        for q in questions {
            let ranked = search(q.question).prefix(k).map { id("\($0.section.lessonID)#\($0.section.number)") }
            let answers = Set(q.answers.map(id))
            rankings.append(ranked)
            relevant.append(answers)
            ndcg += RankingMetrics.ndcg(ranked: ranked, gains: Dictionary(uniqueKeysWithValues: answers.map { ($0, 1.0) }), k: k)
            if !ranked.contains(where: answers.contains) { misses.append(q) }
        }
        let found = Double(questions.count - misses.count)
        let mrr = RankingMetrics.mean(rankings: rankings, relevant: relevant, k: k).mrr
        let n = Double(max(questions.count, 1))
        return Score(recall: questions.isEmpty ? 0 : found / n, mrr: mrr, ndcg: ndcg / n, count: questions.count, misses: misses)
    }
    // ANCHOR_END: evaluate
}
