import Foundation
import StudyGroup
import Testing

/// A PostgreSQL database of its own for one test, made on the server named by
/// `LLMCOURSE_TEST_POSTGRES` (`Scripts/lib/postgres.sh` starts one and sets it) and dropped after.
///
/// ```swift
/// @Test(.enabled(if: ScratchPostgres.isAvailable, ScratchPostgres.skipReason))
/// func something() throws {
///     let scratch = try ScratchPostgres()
///     defer { scratch.drop() }
///     let store = try GroupStore(location: .postgres(url: scratch.url))
/// }
/// ```
final class ScratchPostgres: Sendable {
    static let serverURL = ProcessInfo.processInfo.environment["LLMCOURSE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { serverURL != nil }
    static let skipReason: Comment = "LLMCOURSE_TEST_POSTGRES is not set: Scripts/test starts a local PostgreSQL server when it can, or set it to postgres://user:password@host:5432/database (the role needs CREATEDB)"

    let name: String
    let url: String

    init() throws {
        let server = try #require(Self.serverURL)
        name = "llmcourse_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try PostgresDatabase(url: server).execute("CREATE DATABASE \(name)")
        url = try Self.url(server, database: name)
    }

    /// The same server and credentials, another database.
    static func url(_ server: String, database: String) throws -> String {
        var components = try #require(URLComponents(string: server), "LLMCOURSE_TEST_POSTGRES is not a URL: \(DatabaseLocation.redacted(server))")
        components.path = "/" + database
        return try #require(components.string)
    }

    func store() throws -> GroupStore { try GroupStore(location: .postgres(url: url)) }

    /// A store with one member, "ada", ready to submit.
    func storeWithMember() throws -> (store: GroupStore, member: Member) {
        let store = try store()
        _ = try store.addMember("ada")
        guard let member = try store.members().first else { throw ScratchError.noMember }
        return (store, member)
    }

    enum ScratchError: Error { case noMember }

    /// Drops the database, closing connections still open to it.
    func drop() {
        guard let server = Self.serverURL else { return }
        do {
            try PostgresDatabase(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        } catch {
            print("could not drop the test database \(name): \(error)")
        }
    }
}
