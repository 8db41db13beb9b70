import Foundation

/// The submissions queue: `queued → running → done`.
///
/// A worker claims the oldest queued submission, marking it `running` with its name and a
/// lease (`lease_until`, the database's clock plus `lease` seconds), renews the lease while
/// grading (`renewLease`), and stores the verdict (`complete`) only while it still holds the
/// submission, so a verdict is stored once even if two workers ever graded the same file.
///
/// On PostgreSQL the claim is one statement:
///
/// ```sql
/// UPDATE submissions SET status = 'running', worker = $1, lease_until = now + $2, …
/// WHERE id = (SELECT id FROM submissions
///             WHERE status = 'queued' OR (status = 'running' AND lease_until < now)
///             ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
/// RETURNING id, exercise, file_name, source
/// ```
///
/// `SKIP LOCKED` lets workers on many machines claim at once without waiting on each other or
/// taking the same row; a submission whose worker died stops being renewed and is claimed again
/// once its lease runs out. On SQLite (one server) the claim runs in `BEGIN IMMEDIATE`, and the
/// server re-queues at start what a crash left running (`requeueInterrupted`). Expired leases
/// are claimed again on SQLite too: a worker that graded a file but could not store the verdict
/// (a full disk) and could not hand it back either leaves it `running`, and the lease is what
/// brings it back without a restart.
extension GroupStore {
    /// How long a claim holds without a renewal, in seconds.
    public static let defaultLease = 30.0

    /// Stores a submission as `queued` and returns its id.
    public func enqueue(memberID: Int, exercise: String, fileName: String, source: String) throws -> Int {
        let rows = try database.query("""
            INSERT INTO submissions (member_id, exercise, file_name, source, status, created_at)
            VALUES (?, ?, ?, ?, 'queued', \(now)) RETURNING id
            """, [.integer(Int64(memberID)), .text(exercise), .text(fileName), .text(source)])
        guard let id = rows.first?["id"].int else { throw DatabaseError("the database stored a submission but returned no id") }
        return id
    }

    /// Takes the oldest queued submission, or running one whose lease ran out, for `worker`,
    /// marking it running; nil when there is none.
    public func claimNext(worker: String, lease: Double = GroupStore.defaultLease) throws -> GradingJob? {
        switch dialect {
        case .postgres:
            return try database.query("""
                UPDATE submissions
                SET status = 'running', worker = ?, started_at = \(now), lease_until = \(now) + ?, attempts = attempts + 1
                WHERE id = (SELECT id FROM submissions
                            WHERE status = 'queued' OR (status = 'running' AND lease_until < \(now))
                            ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, exercise, file_name, source
                """, [.text(worker), .double(lease)]).first.map(Self.job)
        case .sqlite:
            return try database.transaction { query in
                guard let row = try query("""
                    SELECT id, exercise, file_name, source FROM submissions
                    WHERE status = 'queued' OR (status = 'running' AND lease_until < \(now)) ORDER BY id LIMIT 1
                    """, []).first,
                      let id = row["id"].int else { return nil }
                _ = try query("""
                    UPDATE submissions SET status = 'running', worker = ?, started_at = \(now), lease_until = \(now) + ?,
                    attempts = attempts + 1 WHERE id = ?
                    """, [.text(worker), .double(lease), .integer(Int64(id))])
                return Self.job(row)
            }
        }
    }

    /// Extends `worker`'s lease on a running submission; false when it no longer holds it
    /// (its lease ran out and another worker took it).
    @discardableResult
    public func renewLease(_ id: Int, worker: String, lease: Double = GroupStore.defaultLease) throws -> Bool {
        try !database.query("""
            UPDATE submissions SET lease_until = \(now) + ? WHERE id = ? AND worker = ? AND status = 'running' RETURNING id
            """, [.double(lease), .integer(Int64(id)), .text(worker)]).isEmpty
    }

    /// Stores the verdict of a running submission and marks it done. With `worker`, only while
    /// that worker holds it; returns whether the verdict was stored.
    @discardableResult
    public func complete(_ id: Int, _ result: GradingResult, worker: String? = nil) throws -> Bool {
        try !database.query("""
            UPDATE submissions SET status = 'done', verdict = ?, passed = ?, score = ?, max_score = ?, finished_at = \(now),
            lease_until = NULL WHERE id = ? AND status = 'running'\(worker == nil ? "" : " AND worker = ?") RETURNING id
            """, [.text(result.verdictJSON), .integer(result.passed ? 1 : 0), .integer(Int64(result.score)),
                  .integer(Int64(result.maxScore)), .integer(Int64(id))] + (worker.map { [SQLValue.text($0)] } ?? [])).isEmpty
    }

    /// Puts a submission `worker` holds back in the queue (a worker stopping before it finished);
    /// returns whether it did.
    @discardableResult
    public func release(_ id: Int, worker: String) throws -> Bool {
        try !database.query("""
            UPDATE submissions SET status = 'queued', worker = NULL, lease_until = NULL
            WHERE id = ? AND worker = ? AND status = 'running' RETURNING id
            """, [.integer(Int64(id)), .text(worker)]).isEmpty
    }

    /// Puts back in the queue what a stopped server left running; returns how many. Only for a
    /// database one server owns (SQLite): on a shared one, other machines' workers are running.
    @discardableResult
    public func requeueInterrupted() throws -> Int {
        try database.transaction { query in
            let count = try query("SELECT COUNT(*) AS n FROM submissions WHERE status = 'running'", []).first?["n"].int ?? 0
            _ = try query("UPDATE submissions SET status = 'queued', worker = NULL, lease_until = NULL WHERE status = 'running'", [])
            return count
        }
    }

    /// Who graded (or is grading) each submission: worker name → count, for reports and tests.
    public func submissionsByWorker() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try database.query("SELECT worker, COUNT(*) AS n FROM submissions WHERE worker IS NOT NULL GROUP BY worker") {
            counts[row["worker"].string ?? "", default: 0] += row["n"].int ?? 0
        }
        return counts
    }

    static func job(_ row: SQLRow) -> GradingJob {
        GradingJob(id: row["id"].int ?? 0, exercise: row["exercise"].string ?? "", fileName: row["file_name"].string ?? "",
                   source: row["source"].string ?? "")
    }
}
