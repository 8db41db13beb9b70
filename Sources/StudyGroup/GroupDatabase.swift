import Foundation

/// A value bound to or read from a SQL statement.
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case double(Double)
    case text(String)
    case null

    public var int: Int? { if case .integer(let v) = self { return Int(v) }; return nil }
    public var string: String? { if case .text(let v) = self { return v }; return nil }
    public var double: Double? {
        switch self {
        case .double(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
}

/// One result row, read by column name.
public struct SQLRow: Sendable {
    public var values: [String: SQLValue]
    public subscript(_ column: String) -> SQLValue { values[column] ?? .null }
}

/// Errors from the database; each says what to do about it.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The database could not grow: its disk (or a configured size limit) is full. The server
    /// answers such failures with 503 and a plain message instead of the SQL error.
    public var isFull: Bool
    public init(_ message: String, isFull: Bool = false) {
        self.message = message
        self.isFull = isFull
    }
    public var description: String { message }
}

/// The SQL spoken by a backend, where the two differ.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The database's clock as seconds since 1970 (a double). One clock for every worker
    /// machine, so leases do not depend on how well their clocks agree.
    var now: String {
        switch self {
        case .sqlite: return "((julianday('now') - 2440587.5) * 86400.0)"
        case .postgres: return "(EXTRACT(EPOCH FROM clock_timestamp())::double precision)"
        }
    }
}

/// The gradebook's storage: one connection to SQLite or PostgreSQL.
///
/// Statements use `?` placeholders on both backends (the PostgreSQL connection numbers them
/// `$1, $2, …`); values are always bound, never spliced into the text.
///
/// ```swift
/// let database: any GroupDatabase = try GroupStore.openDatabase("postgres://group@db.lan/group")
/// let rows = try database.query("SELECT name FROM members WHERE id = ?", [.integer(1)])
/// try database.transaction { query in _ = try query("UPDATE …", […]) }
/// ```
public protocol GroupDatabase: AnyObject, Sendable {
    var dialect: SQLDialect { get }
    /// Where the database is, safe to print (a URL's password is replaced by `***`).
    var location: String { get }
    /// Runs one statement with `arguments` bound to its `?`s and returns its rows. Without
    /// arguments, several statements separated by `;` may be given (their rows are dropped).
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    /// No other statement of this connection runs in between.
    func transaction<T>(_ body: (_ query: (String, [SQLValue]) throws -> [SQLRow]) throws -> T) throws -> T
}

extension GroupDatabase {
    @discardableResult
    public func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }

    /// Runs statements that return nothing.
    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws {
        _ = try query(sql, arguments)
    }
}
