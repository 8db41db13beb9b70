import Foundation

/// What `--database` names: a SQLite file or a PostgreSQL server.
///
/// ```swift
/// DatabaseLocation("group.sqlite")                       // .sqlite(path: "group.sqlite")
/// DatabaseLocation("postgres://group:pw@db.lan/group")   // .postgres(url: …)
/// DatabaseLocation.redacted("postgres://group:pw@db.lan/group")  // "postgres://group:***@db.lan/group"
/// ```
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public static let urlFormat = "postgres://USER:PASSWORD@HOST:5432/DATABASE"

    /// Reads a `--database` value; another URL scheme (`mysql://…`) is an error saying what is accepted.
    public init(_ text: String) throws {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if let scheme = lowered.range(of: "://"), !lowered[..<scheme.lowerBound].contains("/") {
            throw DatabaseError("\(Self.redacted(text)) is not a database this gradebook can use: give a SQLite file path or a PostgreSQL URL (\(Self.urlFormat))")
        } else {
            self = .sqlite(path: text)
        }
    }

    public var isShared: Bool { if case .postgres = self { return true }; return false }

    /// The text with any password replaced by `***` (in `user:password@` and in `password=`), for logs and errors.
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        var result = text
        let afterScheme = result[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? result.endIndex
        if let at = result[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@"),
           let colon = result[schemeEnd.upperBound..<at].firstIndex(of: ":") {
            result.replaceSubrange(result.index(after: colon)..<at, with: "***")
        }
        if let query = result.firstIndex(of: "?") {
            let parts = result[result.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false).map { part in
                part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
            }
            result = String(result[...query]) + parts.joined(separator: "&")
        }
        return result
    }
}
