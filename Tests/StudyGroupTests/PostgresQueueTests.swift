import Foundation
@testable import StudyGroup
import Testing

/// The queue on PostgreSQL with workers in this process, each pool on its own connection
/// (as on separate machines). Every test makes and drops its own database.
@Suite("Study-group queue on PostgreSQL", .serialized, .timeLimit(.minutes(3)),
       .enabled(if: ScratchPostgres.isAvailable, ScratchPostgres.skipReason))
struct PostgresQueueTests {
    static let passing = GradingResult(verdictJSON: "{}", passed: true, score: 1, maxScore: 1)

    @Test func creatingTheSchemaTwiceOrAtOnceKeepsTheData() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let first = try scratch.store()
        let token = try first.addMember("ada")
        // Two more stores opening at the same moment, then a third later.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 { group.addTask { _ = try scratch.store() } }
            try await group.waitForAll()
        }
        let again = try scratch.store()
        #expect(try again.authenticate(token: token)?.name == "ada")
        let tables = try again.database.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
        #expect(tables.compactMap { $0["table_name"].string } == ["members", "submissions"])
    }

    @Test func twoWorkerPoolsGradeTwentySubmissionsEachExactlyOnce() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let ids = try (0..<20).map { try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS \($0)") }
        let counter = GradeCounter()
        let grading = SimulatedGrading(seconds: 0.1, onGrade: { counter.record($0.id) })
        // A lease far longer than any stall of a loaded machine: nothing crashes here, so a
        // lease running out could only make a second grading, which is not what is tested.
        let pools = try ["alpha", "beta"].map {
            GradingWorkers(store: try scratch.store(), grading: grading, concurrency: 2, pollInterval: 0.02, name: $0, lease: 60)
        }
        let started = Date()
        let tasks = pools.map { pool in Task { await pool.run() } }
        // The suite's time limit catches a hang; no timing is asserted.
        while try store.countByStatus()[.done] ?? 0 < 20 {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        tasks.forEach { $0.cancel() }
        for task in tasks { await task.value }

        #expect(counter.snapshot.keys.sorted() == ids)
        #expect(counter.snapshot.values.allSatisfy { $0 == 1 })
        let submissions = try store.submissions()
        #expect(submissions.allSatisfy { $0.status == .done && $0.attempts == 1 && $0.passed == true })
        let byWorker = try store.submissionsByWorker()
        let alpha = byWorker.filter { $0.key.hasPrefix("alpha/") }.values.reduce(0, +)
        let beta = byWorker.filter { $0.key.hasPrefix("beta/") }.values.reduce(0, +)
        #expect(alpha + beta == 20)
        #expect(alpha > 0 && beta > 0, "both pools took some: alpha \(alpha), beta \(beta)")
        #expect(pools[0].counts.graded == alpha && pools[1].counts.graded == beta)
        print("two worker pools (2 each, 0.1 s a submission): 20 graded in \(String(format: "%.2f", elapsed)) s; alpha \(alpha), beta \(beta)")
    }

    @Test func aRenewedLeaseIsKeptAnExpiredOneIsReclaimedAndOnlyTheHolderStoresAVerdict() throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let other = try scratch.store()
        let id = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS")

        #expect(try store.claimNext(worker: "w1", lease: 1)?.id == id)
        #expect(try other.claimNext(worker: "w2", lease: 1) == nil, "a held lease is not claimed")
        Thread.sleep(forTimeInterval: 0.6)
        #expect(try store.renewLease(id, worker: "w1", lease: 1))
        Thread.sleep(forTimeInterval: 0.6)
        #expect(try other.claimNext(worker: "w2", lease: 1) == nil, "the renewal moved the lease on")
        Thread.sleep(forTimeInterval: 0.6)
        // w1 stopped renewing (its machine died): w2 takes the submission over.
        let again = try #require(try other.claimNext(worker: "w2", lease: 30))
        #expect(again.id == id && again.source == "PASS")
        #expect(try !store.renewLease(id, worker: "w1", lease: 1), "w1 learns it lost the lease")
        #expect(try !store.complete(id, Self.passing, worker: "w1"), "a late verdict from w1 is not stored")
        #expect(try !store.release(id, worker: "w1"))
        #expect(try other.complete(id, Self.passing, worker: "w2"))
        #expect(try !other.complete(id, Self.passing, worker: "w2"), "a verdict is stored once")
        let done = try #require(try store.submission(id))
        #expect(done.status == .done && done.attempts == 2 && done.passed == true)
    }

    @Test func aPoolStoppedMidGradingPutsItsSubmissionBack() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let id = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS")
        let pool = GradingWorkers(store: try scratch.store(), grading: SimulatedGrading(seconds: 30), concurrency: 1,
                                  pollInterval: 0.02, name: "leaving", lease: 5)
        let task = Task { await pool.run() }
        let deadline = Date().addingTimeInterval(20)
        while try store.submission(id)?.status != .running, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        task.cancel()
        await task.value
        let back = try #require(try store.submission(id))
        #expect(back.status == .queued)
        #expect(try store.claimNext(worker: "next")?.id == id, "queued again at once, without waiting for the lease")
    }
}
