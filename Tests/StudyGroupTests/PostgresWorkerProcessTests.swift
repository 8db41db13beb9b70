import Foundation
import StudyGroup
import Testing

/// `llmcourse group worker` as child processes sharing one PostgreSQL queue, as on two machines:
/// both take work, each submission is graded once, a worker killed mid-grading loses its
/// submission to the other when the lease runs out, and SIGTERM lets a worker finish first.
@Suite("Study-group worker processes on PostgreSQL", .serialized, .timeLimit(.minutes(3)),
       .enabled(if: ScratchPostgres.isAvailable, ScratchPostgres.skipReason))
struct PostgresWorkerProcessTests {
    typealias ServerProcess = CrashRecoveryTests.ServerProcess

    /// A worker process; returns once it says it is grading.
    static func startWorker(_ scratch: ScratchPostgres, name: String, seconds: Double, lease: Double = 30,
                            concurrency: Int = 2) async throws -> ServerProcess {
        let executable = try #require(CrashRecoveryTests.executable, "no llmcourse executable beside the test bundle (run `swift build` first)")
        let worker = try ServerProcess(executable: executable, arguments: [
            "group", "worker", "--database", scratch.url, "--course", CrashRecoveryTests.packageRoot.path, "--name", name,
            "--concurrency", String(concurrency), "--lease", String(lease), "--poll-interval", "0.05",
            "--simulated-grading", String(seconds)])
        let deadline = Date().addingTimeInterval(30)
        while !worker.text.contains("Worker \(name) grading from"), Date() < deadline {
            usleep(20_000)  // blocks rather than suspends, like waitFor below
        }
        #expect(worker.text.contains("Worker \(name) grading from postgres://"), "worker \(name) did not start: \(worker.text)")
        if let password = URLComponents(string: scratch.url)?.password, !password.isEmpty {
            #expect(!worker.text.contains(":\(password)@"), "the password is not printed")
        }
        return worker
    }

    /// Polls `condition` every 20 ms. The wait blocks its thread rather than suspending: a
    /// suspended test resumes only when the shared pool has a free thread, and while other
    /// tests run long synchronous work the few seconds of a claim could pass unseen.
    static func waitFor(_ what: String, timeout: Double, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { Issue.record("timed out waiting for \(what)"); return }
            usleep(20_000)
        }
    }

    static func stop(_ worker: ServerProcess) -> Int32 {
        kill(worker.process.processIdentifier, SIGTERM)
        worker.process.waitUntilExit()
        return worker.process.terminationStatus
    }

    @Test func twoWorkerProcessesGradeTwentySubmissionsEachExactlyOnce() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let alpha = try await Self.startWorker(scratch, name: "alpha", seconds: 0.2)
        defer { alpha.kill() }
        let beta = try await Self.startWorker(scratch, name: "beta", seconds: 0.2)
        defer { beta.kill() }

        let started = Date()
        let ids = try (0..<20).map { try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS \($0)") }
        try await Self.waitFor("20 verdicts", timeout: 60) { try store.countByStatus()[.done] == 20 }
        let elapsed = Date().timeIntervalSince(started)
        #expect(Self.stop(alpha) == 0)
        #expect(Self.stop(beta) == 0)

        let submissions = try store.submissions()
        #expect(submissions.map(\.id).sorted() == ids)
        #expect(submissions.allSatisfy { $0.status == .done && $0.attempts == 1 && $0.passed == true }, "each graded exactly once")
        let byWorker = try store.submissionsByWorker()
        let alphaCount = byWorker.filter { $0.key.hasPrefix("alpha/") }.values.reduce(0, +)
        let betaCount = byWorker.filter { $0.key.hasPrefix("beta/") }.values.reduce(0, +)
        #expect(alphaCount + betaCount == 20)
        #expect(alphaCount > 0 && betaCount > 0, "both workers took some: alpha \(alphaCount), beta \(betaCount)")
        #expect(alpha.text.contains("Worker alpha stopped after grading \(alphaCount) submission(s)."))
        #expect(beta.text.contains("Worker beta stopped after grading \(betaCount) submission(s)."))
        print("two worker processes (2 each, 0.2 s a submission): 20 graded in \(String(format: "%.2f", elapsed)) s; alpha \(alphaCount), beta \(betaCount)")
    }

    @Test func aKilledWorkersSubmissionIsGradedByAnotherAfterTheLease() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let id = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS")

        let doomed = try await Self.startWorker(scratch, name: "doomed", seconds: 120, lease: 2, concurrency: 1)
        defer { doomed.kill() }
        try await Self.waitFor("the claim", timeout: 30) { try store.submission(id)?.status == .running }
        doomed.kill()  // SIGKILL: no chance to hand the submission back
        let killed = Date()
        #expect(try store.submission(id)?.status == .running)
        // The dead worker's last lease, on the database's clock: the rescuer may not claim before it.
        let leaseUntil = try #require(try store.database.query("SELECT lease_until FROM submissions WHERE id = ?", [.integer(Int64(id))]).first?["lease_until"].double)

        let rescuer = try await Self.startWorker(scratch, name: "rescuer", seconds: 0.1, lease: 2, concurrency: 1)
        defer { rescuer.kill() }
        try await Self.waitFor("the reclaimed submission's verdict", timeout: 30) { try store.submission(id)?.status == .done }
        let reclaimedAfter = Date().timeIntervalSince(killed)
        #expect(Self.stop(rescuer) == 0)
        let done = try #require(try store.submission(id))
        #expect(done.passed == true)
        #expect(done.attempts == 2)
        #expect(try store.submissionsByWorker() == ["rescuer/0": 1])
        let reclaimedAt = try #require(try store.database.query("SELECT started_at FROM submissions WHERE id = ?", [.integer(Int64(id))]).first?["started_at"].double)
        #expect(reclaimedAt >= leaseUntil, "not taken over before the lease ran out")
        print("a worker killed mid-grading (lease 2 s): its submission graded by another \(String(format: "%.2f", reclaimedAfter)) s after the kill")
    }

    @Test func sigtermFinishesTheSubmissionBeingGradedThenStops() async throws {
        let scratch = try ScratchPostgres()
        defer { scratch.drop() }
        let (store, member) = try scratch.storeWithMember()
        let first = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS 1")
        let second = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "PASS 2")

        let worker = try await Self.startWorker(scratch, name: "polite", seconds: 3, concurrency: 1)
        defer { worker.kill() }
        try await Self.waitFor("the claim", timeout: 30) { try store.submission(first)?.status == .running }
        #expect(Self.stop(worker) == 0)
        #expect(try store.submission(first)?.status == .done, "the submission being graded was finished")
        #expect(try store.submission(second)?.status == .queued, "nothing new was taken after SIGTERM")
        #expect(worker.text.contains("Worker polite stopped after grading 1 submission(s)."))
    }
}
