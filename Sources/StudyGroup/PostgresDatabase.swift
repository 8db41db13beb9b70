import CLibPQ
import Foundation

/// One PostgreSQL connection through libpq, used from many tasks: every call holds one lock, so
/// statements never interleave. Values travel as parameters of `PQexecParams` (text format,
/// types inferred by the server), never inside the SQL text.
///
/// ```swift
/// let database = try PostgresDatabase(url: "postgres://group:secret@db.lan:5432/group")
/// let rows = try database.query("SELECT id FROM members WHERE name = ?", [.text("ada")])
/// ```
///
/// Rows come back typed by the column's type: integers as `.integer`, floating point and
/// numeric as `.double`, booleans as `.integer(0/1)`, everything else as `.text`.
/// A dropped connection fails the statement under way and is re-opened for the next one.
public final class PostgresDatabase: GroupDatabase, @unchecked Sendable {
    private let connection: OpaquePointer
    private let lock = NSLock()
    public let dialect = SQLDialect.postgres
    public let location: String

    public init(url: String, connectTimeoutSeconds: Int = 10) throws {
        location = DatabaseLocation.redacted(url)
        // `dbname` is expanded from the URL and comes last, so the URL's own settings win.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = [String(connectTimeoutSeconds), "llmcourse", url]
        let connection: OpaquePointer? = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let connection else { throw DatabaseError("could not connect to \(location): libpq is out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.clean(String(cString: PQerrorMessage(connection)))
            PQfinish(connection)
            let hint = message.lowercased().contains("password")
                ? "check the URL's user and password (or PGPASSWORD, ~/.pgpass)"
                : "is the server running? check the URL's host, port, user and database"
            throw DatabaseError("could not connect to \(location): \(message) — \(hint)")
        }
        self.connection = connection
        // "relation already exists, skipping" and other notices would otherwise go to stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    public func query(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        lock.lock(); defer { lock.unlock() }
        do {
            return try unlockedQuery(sql, arguments)
        } catch let error as DatabaseError where PQstatus(connection) == CONNECTION_BAD {
            // The server restarted or the network dropped. Reconnect for the next call, but do not
            // run this statement again: it may have been carried out before the answer was lost,
            // and running an INSERT or a claim twice would be worse than one failed request.
            PQreset(connection)
            throw error
        }
    }

    public func transaction<T>(_ body: (_ query: (String, [SQLValue]) throws -> [SQLRow]) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if PQstatus(connection) == CONNECTION_BAD { PQreset(connection) }
        _ = try unlockedQuery("BEGIN", [])
        do {
            let result = try body { try unlockedQuery($0, $1) }
            _ = try unlockedQuery("COMMIT", [])
            return result
        } catch {
            _ = try? unlockedQuery("ROLLBACK", [])
            throw error
        }
    }

    private func unlockedQuery(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result: OpaquePointer?
        if arguments.isEmpty {
            result = PQexec(connection, sql)
        } else {
            let text = Self.numberPlaceholders(sql)
            let parameters: [String?] = arguments.map {
                switch $0 {
                case .integer(let v): return String(v)
                case .double(let v): return v.isFinite ? String(v) : "NaN"
                case .text(let v): return v
                case .null: return nil
                }
            }
            result = Self.withOptionalCStrings(parameters) { values in
                PQexecParams(connection, text, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        guard let result else {
            throw DatabaseError("no answer from PostgreSQL at \(location): \(Self.clean(String(cString: PQerrorMessage(connection))))"
                                + " — is the server running? the next statement reconnects")
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let message = Self.clean(String(cString: PQresultErrorMessage(result)))
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            throw DatabaseError("PostgreSQL at \(location) refused a statement: \(message)\(state.isEmpty ? "" : " (SQLSTATE \(state))")"
                                + (PQstatus(connection) == CONNECTION_BAD ? " — the connection was lost; is the server still running?" : ""),
                                isFull: state == "53100")  // disk_full
        }
        return Self.rows(result)
    }

    static func rows(_ result: OpaquePointer) -> [SQLRow] {
        let count = PQntuples(result)
        let fields = PQnfields(result)
        let names = (0..<fields).map { String(cString: PQfname(result, $0)) }
        let types = (0..<fields).map { PQftype(result, $0) }
        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [String: SQLValue] = [:]
            for field in 0..<fields {
                let index = Int(field)
                guard PQgetisnull(result, row, field) == 0 else { values[names[index]] = .null; continue }
                let text = String(cString: PQgetvalue(result, row, field))
                values[names[index]] = value(text, type: types[index])
            }
            rows.append(SQLRow(values: values))
        }
        return rows
    }

    /// Type oids from `pg_type`: bool 16, int8 20, int2 21, int4 23, oid 26, float4 700, float8 701, numeric 1700.
    static func value(_ text: String, type: Oid) -> SQLValue {
        switch type {
        case 20, 21, 23, 26: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 700, 701, 1700: return Double(text).map(SQLValue.double) ?? .text(text)
        case 16: return .integer(text == "t" ? 1 : 0)
        default: return .text(text)
        }
    }

    /// `?` → `$1, $2, …`, leaving quoted strings, quoted names and comments alone.
    static func numberPlaceholders(_ sql: String) -> String {
        var output = ""
        var number = 0
        var quote: Character?
        var lineComment = false
        var previous: Character = " "
        for character in sql {
            if lineComment {
                if character == "\n" { lineComment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "-" && previous == "-" {
                lineComment = true
            } else if character == "?" {
                number += 1
                output += "$\(number)"
                previous = character
                continue
            }
            output.append(character)
            previous = character
        }
        return output
    }

    static func clean(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        withOptionalCStrings(strings + [nil]) { body($0) }
    }

    /// The strings as a C array (nil stays NULL), valid only inside `body`.
    static func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
