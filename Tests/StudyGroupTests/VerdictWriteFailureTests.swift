import Foundation
import StudyGroup
import Testing

/// A verdict that cannot be stored (a full disk) must not leave its submission `running`
/// until the server is restarted, and uploads meanwhile get a plain 503.
@Suite("Study-group server when the database refuses writes", .serialized, .timeLimit(.minutes(3)))
struct VerdictWriteFailureTests {
    struct Setup {
        let folder: URL
        let flaky: FlakyDatabase
        let store: GroupStore
        let memberID: Int
    }

    static func setup() throws -> Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-flaky-\(UUID().uuidString)")
        let flaky = FlakyDatabase(try SQLiteDatabase(path: folder.appendingPathComponent("group.sqlite").path))
        let store = try GroupStore(database: flaky)
        _ = try store.addMember("ada")
        let memberID = try #require(try store.members().first?.id)
        return Setup(folder: folder, flaky: flaky, store: store, memberID: memberID)
    }

    /// Polls (bounded in count, not timed) until `condition` holds.
    static func waitFor(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<1200 {
            if try condition() { return true }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return try condition()
    }

    static func run(_ setup: Setup, lease: Double, grading: SimulatedGrading, log: LogLines,
                    until condition: () throws -> Bool) async throws -> Bool {
        let workers = GradingWorkers(store: setup.store, grading: grading, concurrency: 1, pollInterval: 0.01,
                                     name: "w", lease: lease, log: { log.append($0) })
        let task = Task { await workers.run() }
        defer { task.cancel() }
        let reached = try await waitFor(condition)
        task.cancel()
        await task.value
        return reached
    }

    @Test func aFailedVerdictWriteIsRetriedAndStoredOnce() async throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let id = try setup.store.enqueue(memberID: setup.memberID, exercise: "demo", fileName: "Demo.swift", source: "PASS")
        setup.flaky.failVerdictWrites(3)
        let counter = GradeCounter()
        let log = LogLines()
        let done = try await Self.run(setup, lease: 30, grading: SimulatedGrading(seconds: 0, onGrade: { counter.record($0.id) }), log: log) {
            try setup.store.submission(id)?.status == .done
        }
        #expect(done, "log: \(log.all)")
        #expect(setup.flaky.failedWrites == 3)
        #expect(try setup.store.submission(id)?.passed == true)
        #expect(try setup.store.submission(id)?.attempts == 1, "stored by retrying, not by grading again")
        #expect(counter.snapshot == [id: 1])
    }

    @Test func aVerdictThatKeepsFailingGoesBackToTheQueue() async throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let id = try setup.store.enqueue(memberID: setup.memberID, exercise: "demo", fileName: "Demo.swift", source: "PASS")
        // More failures than one lease (0.5 s) of retries covers: the worker hands it back.
        setup.flaky.failVerdictWrites(6)
        let counter = GradeCounter()
        let log = LogLines()
        let done = try await Self.run(setup, lease: 0.5, grading: SimulatedGrading(seconds: 0, onGrade: { counter.record($0.id) }), log: log) {
            try setup.store.submission(id)?.status == .done
        }
        #expect(done, "log: \(log.all)")
        #expect(log.contains("put submission \(id) back in the queue"))
        #expect(try setup.store.submission(id)?.attempts == 2)
        #expect(counter.snapshot == [id: 2])
    }

    @Test func aSubmissionLeftRunningByAFullDiskIsGradedOnceTheDiskHasRoom() async throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.folder) }
        let id = try setup.store.enqueue(memberID: setup.memberID, exercise: "demo", fileName: "Demo.swift", source: "PASS")
        let counter = GradeCounter()
        let log = LogLines()
        // The disk fills while the first grading runs: neither the verdict nor the hand-back can be written.
        let grading = SimulatedGrading(seconds: 0, onGrade: { job in
            counter.record(job.id)
            if counter.snapshot[job.id] == 1 { setup.flaky.setFull(true) }
        })
        var freed = false
        let done = try await Self.run(setup, lease: 0.5, grading: grading, log: log) {
            if !freed, log.contains("graded again once its lease runs out") {
                #expect(try setup.store.submission(id)?.status == .running)
                setup.flaky.setFull(false)  // the leader freed some space; nobody restarts the server
                freed = true
            }
            return try setup.store.submission(id)?.status == .done
        }
        #expect(done, "log: \(log.all)")
        #expect(try setup.store.submission(id)?.attempts == 2)
        #expect(counter.snapshot == [id: 2])
    }

    @Test func anUploadWhileTheDiskIsFullGetsAPlain503() async throws {
        var flaky: FlakyDatabase?
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0), wrap: { database in
            let wrapped = FlakyDatabase(database)
            flaky = wrapped
            return wrapped
        })
        defer { Task { await server.stop() } }
        let client = server.client(try server.store.addMember("ada"))
        let body = try JSONEncoder().encode(SubmissionUpload(exercise: "demo", source: "PASS"))

        try #require(flaky).setFull(true)
        let refused = try await client.request("POST", "/api/submissions", body: body)
        #expect(refused.status == 503)
        #expect(refused.errorMessage.contains("disk is full"), "\(refused.text)")
        #expect(!refused.text.contains("SQL") && !refused.text.contains("INSERT"), "\(refused.text)")
        #expect(refused.retryAfter != nil)

        try #require(flaky).setFull(false)
        #expect(try await client.request("POST", "/api/submissions", body: body).status == 202)
    }

    @Test func sqliteReportsAFullDatabaseAsFull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try GroupStore(path: folder.appendingPathComponent("group.sqlite").path)
        _ = try store.addMember("ada")
        let memberID = try #require(try store.members().first?.id)
        // A size limit at the current size stands in for a full disk: the same SQLITE_FULL.
        let pages = try #require(try store.database.query("PRAGMA page_count").first?["page_count"].int)
        _ = try store.database.query("PRAGMA max_page_count = \(pages)")
        #expect {
            _ = try store.enqueue(memberID: memberID, exercise: "demo", fileName: "Demo.swift", source: String(repeating: "x", count: 200_000))
        } throws: { error in
            (error as? DatabaseError)?.isFull == true
        }
    }
}
