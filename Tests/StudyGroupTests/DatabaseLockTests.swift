import Foundation
import StudyGroup
import Testing

/// Two `group serve` on one SQLite file would each re-queue and grade what the other is
/// grading; the second must refuse to start and say why.
@Suite("One study-group server per SQLite file", .serialized, .timeLimit(.minutes(2)))
struct DatabaseLockTests {
    /// Starts `server` and returns its port, or the error it stopped with.
    static func start(_ server: GroupServer) async -> (Task<Void, Never>, Result<Int, any Error>) {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let task = Task {
            do {
                try await server.run(ready: { continuation.yield(.success($0)) }, log: { _ in })
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events { return (task, event) }
        return (task, .failure(DatabaseError("the server stopped without a word")))
    }

    static func server(_ path: String) throws -> GroupServer {
        GroupServer(store: try GroupStore(path: path), grading: SimulatedGrading(seconds: 0),
                    configuration: .init(host: "127.0.0.1", port: 0, workers: 1))
    }

    @Test func aSecondServerOnTheSameFileIsRefusedAndTheFirstKeepsItsSubmission() async throws {
        let first = try await TestServer(grading: SimulatedGrading(seconds: 0))
        let path = first.folder.appendingPathComponent("group.sqlite").path
        // A submission the first server's worker is grading.
        let member = try first.store.members()[0]
        let id = try first.store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS")
        _ = try first.store.database.query("UPDATE submissions SET status = 'running', worker = 'first/0', lease_until = 1e12 WHERE id = ?", [.integer(Int64(id))])

        let (secondTask, outcome) = await Self.start(try Self.server(path))
        if case .success = outcome { Issue.record("a second server started on \(path)") }
        secondTask.cancel()
        await secondTask.value
        let message = (try? outcome.get()).map { "started on port \($0)" } ?? "\((outcome.failure as? DatabaseError)?.message ?? "")"
        #expect(message.contains("already serving \(path)"), "\(message)")
        #expect(message.contains("process \(getpid())"), "names who holds the file: \(message)")
        #expect(message.contains("--database"), "says how to fix it: \(message)")
        #expect(try first.store.submission(id)?.status == .running, "the refused server re-queued nothing")

        // Once the first server has stopped, the file is free again.
        await first.stopKeepingFiles()
        let (thirdTask, third) = await Self.start(try Self.server(path))
        #expect((try? third.get()) != nil, "\(third)")
        thirdTask.cancel()
        await thirdTask.value
        try? FileManager.default.removeItem(at: first.folder)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { return error }; return nil }
}
