import Foundation

/// The study group's database: members (token hashes only) and the submissions queue.
///
/// ```swift
/// let store = try GroupStore(path: "group.sqlite")
/// let token = try store.addMember("ada")           // shown once
/// let id = try store.enqueue(member: "ada", exercise: "matmul-loops", fileName: "Matmul.swift", source: text)
/// if let job = try store.claimNext(worker: "w1") { try store.complete(job.id, result) }
/// ```
///
/// Claiming runs in `BEGIN IMMEDIATE`, so a job goes to exactly one worker even when other
/// processes share the file; `requeueInterrupted()` at start hands back jobs a crash left `running`.
public final class GroupStore: Sendable {
    public let database: SQLiteDatabase

    public init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute(Self.schema)
    }

    static let schema = """
    CREATE TABLE IF NOT EXISTS members (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'leader')),
        revoked INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL);
    CREATE TABLE IF NOT EXISTS submissions (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        exercise TEXT NOT NULL,
        file_name TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done')),
        verdict TEXT, passed INTEGER, score INTEGER, max_score INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        worker TEXT,
        created_at REAL NOT NULL, started_at REAL, finished_at REAL);
    CREATE INDEX IF NOT EXISTS submissions_queue ON submissions (status, id);
    CREATE INDEX IF NOT EXISTS submissions_member ON submissions (member_id, id);
    """

    static func now() -> SQLValue { .double(Date().timeIntervalSince1970) }

    // MARK: Members

    /// Adds a member and returns their personal token (only its hash is stored).
    public func addMember(_ name: String, role: Member.Role = .member) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw DatabaseError("a member name is 1–64 letters, digits, '-', '_' or '.'; got \"\(name)\"")
        }
        if try !database.query("SELECT id FROM members WHERE name = ?", [.text(trimmed)]).isEmpty {
            throw DatabaseError("\(trimmed) is already a member; pick another name or `llmcourse group revoke \(trimmed)` first")
        }
        let token = MemberToken.generate()
        try database.execute("INSERT INTO members (name, token_hash, role, created_at) VALUES (?, ?, ?, ?)",
                             [.text(trimmed), .text(MemberToken.hash(token)), .text(role.rawValue), Self.now()])
        return token
    }

    /// Creates the leader on first start; returns the new token then, nil when a leader exists.
    public func ensureLeader() throws -> String? {
        if try !database.query("SELECT id FROM members WHERE role = 'leader' AND revoked = 0").isEmpty { return nil }
        var name = "leader"
        var n = 1
        while try !database.query("SELECT id FROM members WHERE name = ?", [.text(name)]).isEmpty {
            n += 1
            name = "leader\(n)"
        }
        return try addMember(name, role: .leader)
    }

    public func members() throws -> [Member] {
        try database.query("SELECT * FROM members ORDER BY id").map(Self.member)
    }

    /// Revokes a member's token: their requests get 401 from then on; their submissions stay.
    public func revoke(_ name: String) throws {
        let rows = try database.query("SELECT id FROM members WHERE name = ?", [.text(name)])
        guard !rows.isEmpty else { throw DatabaseError("no member named \(name); see `llmcourse group members`") }
        try database.execute("UPDATE members SET revoked = 1 WHERE name = ?", [.text(name)])
    }

    /// The active member holding `token`, or nil (unknown or revoked).
    public func authenticate(token: String) throws -> Member? {
        try database.query("SELECT * FROM members WHERE token_hash = ? AND revoked = 0",
                           [.text(MemberToken.hash(token))]).first.map(Self.member)
    }

    static func member(_ row: SQLRow) -> Member {
        Member(id: row["id"].int ?? 0, name: row["name"].string ?? "", role: Member.Role(rawValue: row["role"].string ?? "") ?? .member,
               revoked: row["revoked"].int == 1, createdAt: Date(timeIntervalSince1970: row["created_at"].double ?? 0))
    }

    // MARK: Queue

    /// Stores a submission as `queued` and returns its id.
    public func enqueue(memberID: Int, exercise: String, fileName: String, source: String) throws -> Int {
        try database.transaction { query in
            _ = try query("INSERT INTO submissions (member_id, exercise, file_name, source, status, created_at) VALUES (?, ?, ?, ?, 'queued', ?)",
                          [.integer(Int64(memberID)), .text(exercise), .text(fileName), .text(source), Self.now()])
            return Int(database.lastInsertID)
        }
    }

    /// Takes the oldest queued submission for `worker`, marking it running; nil when the queue is empty.
    public func claimNext(worker: String) throws -> GradingJob? {
        try database.transaction { query in
            guard let row = try query("SELECT id, exercise, file_name, source FROM submissions WHERE status = 'queued' ORDER BY id LIMIT 1", []).first,
                  let id = row["id"].int else { return nil }
            _ = try query("UPDATE submissions SET status = 'running', worker = ?, started_at = ?, attempts = attempts + 1 WHERE id = ?",
                          [.text(worker), Self.now(), .integer(Int64(id))])
            return GradingJob(id: id, exercise: row["exercise"].string ?? "", fileName: row["file_name"].string ?? "",
                              source: row["source"].string ?? "")
        }
    }

    /// Stores the verdict of a running submission and marks it done.
    public func complete(_ id: Int, _ result: GradingResult) throws {
        try database.execute("""
            UPDATE submissions SET status = 'done', verdict = ?, passed = ?, score = ?, max_score = ?, finished_at = ?
            WHERE id = ? AND status = 'running'
            """, [.text(result.verdictJSON), .integer(result.passed ? 1 : 0), .integer(Int64(result.score)),
                  .integer(Int64(result.maxScore)), Self.now(), .integer(Int64(id))])
    }

    /// Puts back in the queue what a stopped server left running; returns how many.
    @discardableResult
    public func requeueInterrupted() throws -> Int {
        try database.transaction { query in
            let count = try query("SELECT COUNT(*) AS n FROM submissions WHERE status = 'running'", []).first?["n"].int ?? 0
            _ = try query("UPDATE submissions SET status = 'queued', worker = NULL WHERE status = 'running'", [])
            return count
        }
    }

    // MARK: Reading

    static let submissionColumns = """
        s.id, m.name AS member, s.exercise, s.file_name, s.status, s.passed, s.score, s.max_score, s.attempts,
        s.created_at, s.finished_at
        """

    public func submission(_ id: Int, includeVerdict: Bool = true) throws -> Submission? {
        try database.query("SELECT \(Self.submissionColumns)\(includeVerdict ? ", s.verdict" : "") FROM submissions s JOIN members m ON m.id = s.member_id WHERE s.id = ?",
                           [.integer(Int64(id))]).first.map(Self.submission)
    }

    /// Submissions newest first, optionally of one member, without verdicts unless asked.
    public func submissions(member: String? = nil, limit: Int = 1000, includeVerdict: Bool = false) throws -> [Submission] {
        let filter = member == nil ? "" : "WHERE m.name = ?"
        return try database.query("SELECT \(Self.submissionColumns)\(includeVerdict ? ", s.verdict" : "") FROM submissions s JOIN members m ON m.id = s.member_id \(filter) ORDER BY s.id DESC LIMIT ?",
                                  (member.map { [SQLValue.text($0)] } ?? []) + [.integer(Int64(limit))]).map(Self.submission)
    }

    public func countByStatus() throws -> [SubmissionStatus: Int] {
        var counts: [SubmissionStatus: Int] = [.queued: 0, .running: 0, .done: 0]
        for row in try database.query("SELECT status, COUNT(*) AS n FROM submissions GROUP BY status") {
            if let status = SubmissionStatus(rawValue: row["status"].string ?? "") { counts[status] = row["n"].int ?? 0 }
        }
        return counts
    }

    static func submission(_ row: SQLRow) -> Submission {
        Submission(id: row["id"].int ?? 0, member: row["member"].string ?? "", exercise: row["exercise"].string ?? "",
                   fileName: row["file_name"].string ?? "", status: SubmissionStatus(rawValue: row["status"].string ?? "") ?? .queued,
                   passed: row["passed"].int.map { $0 == 1 }, score: row["score"].int, maxScore: row["max_score"].int,
                   attempts: row["attempts"].int ?? 0, createdAt: Date(timeIntervalSince1970: row["created_at"].double ?? 0),
                   finishedAt: row["finished_at"].double.map { Date(timeIntervalSince1970: $0) }, verdict: row["verdict"].string)
    }
}
