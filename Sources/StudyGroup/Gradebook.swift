import Foundation

/// The leader's view of the group: per member and exercise, attempts and the best score.
public struct Gradebook: Codable, Sendable {
    /// One member's record on one exercise.
    public struct Entry: Codable, Sendable, Equatable {
        public var member: String
        public var exercise: String
        public var attempts: Int
        public var bestScore: Int?
        public var maxScore: Int?
        public var passed: Bool
        public var lastSubmitted: Date
    }

    /// Per exercise: how many members tried it and how many passed.
    public struct ExerciseSummary: Codable, Sendable, Equatable {
        public var exercise: String
        public var attempted: Int
        public var passed: Int
        public var passRate: Double { attempted == 0 ? 0 : Double(passed) / Double(attempted) }
    }

    public var members: [String]
    public var exercises: [String]
    public var entries: [Entry]

    public init(store: GroupStore, exercises known: [String]) throws {
        members = try store.members().filter { $0.role == .member }.map(\.name)
        entries = try store.database.query("""
            SELECT m.name AS member, s.exercise AS exercise, COUNT(*) AS attempts, MAX(s.score) AS best,
                   MAX(s.max_score) AS max_score, MAX(COALESCE(s.passed, 0)) AS passed, MAX(s.created_at) AS last
            FROM submissions s JOIN members m ON m.id = s.member_id
            GROUP BY m.name, s.exercise ORDER BY m.name, s.exercise
            """).map { row in
            Entry(member: row["member"].string ?? "", exercise: row["exercise"].string ?? "", attempts: row["attempts"].int ?? 0,
                  bestScore: row["best"].int, maxScore: row["max_score"].int, passed: row["passed"].int == 1,
                  lastSubmitted: Date(timeIntervalSince1970: row["last"].double ?? 0))
        }
        let submitted = Set(entries.map(\.exercise))
        exercises = known + submitted.subtracting(known).sorted()
    }

    public func entry(_ member: String, _ exercise: String) -> Entry? {
        entries.first { $0.member == member && $0.exercise == exercise }
    }

    public var summaries: [ExerciseSummary] {
        exercises.map { exercise in
            let tried = entries.filter { $0.exercise == exercise }
            return ExerciseSummary(exercise: exercise, attempted: tried.count, passed: tried.filter(\.passed).count)
        }
    }

    /// One line per member and exercise tried: `member,exercise,attempts,best_score,max_score,passed,last_submitted`.
    public func csv() -> String {
        let formatter = ISO8601DateFormatter()
        var lines = ["member,exercise,attempts,best_score,max_score,passed,last_submitted"]
        for e in entries {
            let fields = [e.member, e.exercise, String(e.attempts), e.bestScore.map(String.init) ?? "", e.maxScore.map(String.init) ?? "",
                          e.passed ? "true" : "false", formatter.string(from: e.lastSubmitted)]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a field holding a comma, quote or line break (RFC 4180); a leading `=`, `+`, `-`
    /// or `@` gets a `'` so a spreadsheet does not run it as a formula.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
