import Foundation

/// The study group's database: members (token hashes only) and the submissions queue, on
/// SQLite (one file, one server) or PostgreSQL (one server, grading workers on many machines).
///
/// ```swift
/// let store = try GroupStore(location: DatabaseLocation("postgres://group:pw@db.lan/group"))
/// let token = try store.addMember("ada")           // shown once
/// let id = try store.enqueue(memberID: 1, exercise: "matmul-loops", fileName: "Matmul.swift", source: text)
/// if let job = try store.claimNext(worker: "w1") { try store.complete(job.id, result, worker: "w1") }
/// ```
///
/// The queue itself (claiming, leases, verdicts) is in `GroupQueue.swift`. Times are the
/// database's clock (`SQLDialect.now`), so workers on machines whose clocks differ agree on leases.
public final class GroupStore: Sendable {
    public let database: any GroupDatabase

    /// A SQLite file (created with its folder when missing).
    public convenience init(path: String) throws {
        try self.init(database: SQLiteDatabase(path: path))
    }

    /// The file or server `location` names.
    public convenience init(location: DatabaseLocation) throws {
        switch location {
        case .sqlite(let path): try self.init(database: SQLiteDatabase(path: path))
        case .postgres(let url): try self.init(database: PostgresDatabase(url: url))
        }
    }

    /// Uses `database`, creating the tables when missing.
    public init(database: any GroupDatabase) throws {
        self.database = database
        try GroupSchema.create(on: database)
    }

    var dialect: SQLDialect { database.dialect }
    /// Whether several machines may share this database (PostgreSQL), so its queue relies on leases.
    public var isShared: Bool { database.dialect == .postgres }
    /// The database's clock, as an SQL expression.
    var now: String { database.dialect.now }

    // MARK: Members

    /// Adds a member and returns their personal token (only its hash is stored). A revoked
    /// member of that name is reinstated with a new token (their submissions stay theirs);
    /// an active one is refused. Names follow ``MemberName``.
    public func addMember(_ name: String, role: Member.Role = .member) throws -> String {
        let trimmed = try MemberName.validated(name)
        // Compared in Swift, which treats canonically equivalent spellings as equal, so a name
        // stored before names were normalized is still found.
        if let existing = try members().first(where: { $0.name == trimmed }) {
            guard existing.revoked else {
                throw DatabaseError("\(existing.name) is already a member; pick another name, or `llmcourse group revoke \(existing.name)` and then `llmcourse group add \(existing.name)` to give them a new token")
            }
            let token = MemberToken.generate()
            try database.execute("UPDATE members SET token_hash = ?, revoked = 0, role = ? WHERE id = ?",
                                 [.text(MemberToken.hash(token)), .text(role.rawValue), .integer(Int64(existing.id))])
            return token
        }
        let token = MemberToken.generate()
        try database.execute("INSERT INTO members (name, token_hash, role, created_at) VALUES (?, ?, ?, \(now))",
                             [.text(trimmed), .text(MemberToken.hash(token)), .text(role.rawValue)])
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
    /// `addMember` with the same name later gives them a new token.
    public func revoke(_ name: String) throws {
        guard let member = try self.member(named: name) else { throw DatabaseError("no member named \(name); see `llmcourse group members`") }
        try database.execute("UPDATE members SET revoked = 1 WHERE id = ?", [.integer(Int64(member.id))])
    }

    /// The member called `name` (any Unicode spelling of it), revoked or not.
    public func member(named name: String) throws -> Member? {
        try members().first(where: { $0.name == name.trimmingCharacters(in: .whitespaces) })
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
