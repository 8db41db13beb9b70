import CSQLite
import Foundation

/// A single SQLite connection used from many tasks: every call holds one lock, so
/// statements never interleave. WAL mode lets other processes (the `group add` command)
/// write while the server reads; `busy_timeout` makes them wait instead of failing.
public final class SQLiteDatabase: GroupDatabase, @unchecked Sendable {
    private var handle: OpaquePointer?
    private let lock = NSLock()
    public let path: String
    public let dialect = SQLDialect.sqlite
    public var location: String { path }

    public init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw DatabaseError("cannot open the group database \(path): \(message). Check the folder exists and is writable, or pass --database.")
        }
        sqlite3_busy_timeout(handle, 10_000)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit { sqlite3_close(handle) }

    /// Runs one statement and returns its rows (several separated by `;` when no arguments are given).
    public func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        lock.lock(); defer { lock.unlock() }
        return try unlockedQuery(sql, arguments)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (rolled back if it throws), holding the lock throughout.
    public func transaction<T>(_ body: (_ query: (String, [SQLValue]) throws -> [SQLRow]) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        _ = try unlockedQuery("BEGIN IMMEDIATE", [])
        do {
            let result = try body { try unlockedQuery($0, $1) }
            _ = try unlockedQuery("COMMIT", [])
            return result
        } catch {
            _ = try? unlockedQuery("ROLLBACK", [])
            throw error
        }
    }

    /// Whether the last statement failed because the disk or `max_page_count` is full.
    private var isFull: Bool { sqlite3_errcode(handle) & 0xff == SQLITE_FULL }

    /// The id of the last inserted row on this connection.
    public var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func unlockedQuery(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        if arguments.isEmpty, sql.contains(";") {
            var error: UnsafeMutablePointer<CChar>?
            guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
                let message = error.map { String(cString: $0) } ?? "unknown error"
                sqlite3_free(error)
                throw DatabaseError("SQL failed: \(message)", isFull: isFull)
            }
            return []
        }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw DatabaseError("SQL failed to prepare: \(String(cString: sqlite3_errmsg(handle))) in \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .integer(let v): sqlite3_bind_int64(statement, position, v)
            case .double(let v): sqlite3_bind_double(statement, position, v)
            case .text(let v): sqlite3_bind_text(statement, position, v, -1, transient)
            case .null: sqlite3_bind_null(statement, position)
            }
        }
        var rows: [SQLRow] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw DatabaseError("SQL failed: \(String(cString: sqlite3_errmsg(handle))) in \(sql)", isFull: isFull)
            }
            var values: [String: SQLValue] = [:]
            for column in 0..<sqlite3_column_count(statement) {
                let name = String(cString: sqlite3_column_name(statement, column))
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: values[name] = .integer(sqlite3_column_int64(statement, column))
                case SQLITE_FLOAT: values[name] = .double(sqlite3_column_double(statement, column))
                case SQLITE_TEXT: values[name] = .text(String(cString: sqlite3_column_text(statement, column)))
                default: values[name] = .null
                }
            }
            rows.append(SQLRow(values: values))
        }
        return rows
    }
}
