import Foundation
import StudyGroup
import Testing

/// Which backend a test server's gradebook uses: a SQLite file, or a fresh PostgreSQL
/// database on the `LLMCOURSE_TEST_POSTGRES` server (dropped when the server stops).
enum TestDatabase: Sendable { case sqlite, postgres }

/// A server on 127.0.0.1 with a free port and a fresh database, for one test.
final class TestServer: @unchecked Sendable {
    let folder: URL
    let store: GroupStore
    let scratch: ScratchPostgres?
    let url: URL
    let leaderToken: String
    let server: GroupServer
    private let task: Task<Void, any Error>

    init(database: TestDatabase = .sqlite, grading: any SubmissionGrading, workers: Int = 4, maxUploadBytes: Int = 64 * 1024, rateBurst: Int = 100,
         ratePerMinute: Double = 600, idleTimeout: Double = 30, maxConnections: Int = 1000,
         wrap: (any GroupDatabase) -> any GroupDatabase = { $0 }) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-test-\(UUID().uuidString)")
        switch database {
        case .sqlite:
            scratch = nil
            store = try GroupStore(database: wrap(SQLiteDatabase(path: folder.appendingPathComponent("group.sqlite").path)))
        case .postgres:
            let scratch = try ScratchPostgres()
            self.scratch = scratch
            store = try scratch.store()
        }
        leaderToken = try #require(try store.ensureLeader())
        let server = GroupServer(store: store, grading: grading, configuration: .init(
            host: "127.0.0.1", port: 0, workers: workers, maxUploadBytes: maxUploadBytes,
            rateBurst: rateBurst, ratePerMinute: ratePerMinute, siteFolder: nil,
            idleTimeout: idleTimeout, maxConnections: maxConnections))
        self.server = server
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        task = Task { try await server.run { port in continuation.yield(port) } }
        var port = 0
        for await bound in ports { port = bound; break }
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    func client(_ token: String) -> GroupClient { GroupClient(server: url, token: token) }

    func stop() async {
        await stopKeepingFiles()
        try? FileManager.default.removeItem(at: folder)
        scratch?.drop()
    }

    /// Stops the server but leaves its database file, for tests that start another on it.
    func stopKeepingFiles() async {
        task.cancel()
        _ = await task.result
    }
}

/// Counts how often each submission was graded (thread-safe).
final class GradeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int: Int] = [:]

    func record(_ id: Int) {
        lock.lock(); defer { lock.unlock() }
        counts[id, default: 0] += 1
    }

    var snapshot: [Int: Int] {
        lock.lock(); defer { lock.unlock() }
        return counts
    }
}
