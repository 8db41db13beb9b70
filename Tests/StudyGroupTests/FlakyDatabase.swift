import Foundation
import StudyGroup

/// A SQLite gradebook whose writes can be made to fail, as they do when the disk is full:
/// the next few verdict writes, or every write until told otherwise.
final class FlakyDatabase: GroupDatabase, @unchecked Sendable {
    let inner: any GroupDatabase
    private let lock = NSLock()
    private var verdictFailuresLeft = 0
    private var full = false
    private var failures = 0

    init(_ inner: any GroupDatabase) {
        self.inner = inner
    }

    var dialect: SQLDialect { inner.dialect }
    var location: String { inner.location }

    /// The next `count` attempts to store a verdict fail.
    func failVerdictWrites(_ count: Int) { lock.withLock { verdictFailuresLeft = count } }
    /// While true, every INSERT and UPDATE fails.
    func setFull(_ value: Bool) { lock.withLock { full = value } }
    /// How many writes were refused so far.
    var failedWrites: Int { lock.withLock { failures } }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try check(sql)
        return try inner.query(sql, arguments)
    }

    func transaction<T>(_ body: (_ query: (String, [SQLValue]) throws -> [SQLRow]) throws -> T) throws -> T {
        try inner.transaction { query in
            try withoutActuallyEscaping(query) { query in
                try body { sql, arguments in
                    try self.check(sql)
                    return try query(sql, arguments)
                }
            }
        }
    }

    private func check(_ sql: String) throws {
        let fail: Bool = lock.withLock {
            let isWrite = sql.contains("INSERT") || sql.contains("UPDATE")
            if isWrite && full {
                failures += 1
                return true
            }
            if sql.contains("status = 'done'") && verdictFailuresLeft > 0 {
                verdictFailuresLeft -= 1
                failures += 1
                return true
            }
            return false
        }
        // The text SQLite gives for SQLITE_FULL, with the statement, as the real backend reports it.
        if fail { throw DatabaseError("SQL failed: database or disk is full in \(sql)", isFull: true) }
    }
}

/// Lines a worker pool logged, for tests that wait on them.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func contains(_ text: String) -> Bool { lock.withLock { lines.contains { $0.contains(text) } } }
    var all: [String] { lock.withLock { lines } }
}
