import Foundation
import StudyGroup
import Testing

@Suite("Study-group server API", .serialized, .timeLimit(.minutes(3)))
struct ServerAPITests {
    static func body(_ exercise: String, _ source: String) throws -> Data {
        try JSONEncoder().encode(SubmissionUpload(exercise: exercise, source: source))
    }

    @Test func refusalsCarryTheirStatusAndAMessage() async throws {
        try await Self.refusals(on: .sqlite)
    }

    @Test func fiftyConcurrentSubmissionsFromTenMembersAreEachGradedOnce() async throws {
        try await Self.fiftyConcurrentSubmissions(on: .sqlite)
    }

    /// 401, 400, 413, 404 and 429, each with its message, and who sees which submission.
    static func refusals(on database: TestDatabase) async throws {
        let server = try await TestServer(database: database, grading: SimulatedGrading(seconds: 0), maxUploadBytes: 4096, rateBurst: 3, ratePerMinute: 1)
        defer { Task { await server.stop() } }
        let ada = try server.store.addMember("ada")
        let bob = try server.store.addMember("bob")
        let client = server.client(ada)

        // Wrong token, then a revoked one.
        #expect(try await server.client("nope").request("POST", "/api/submissions", body: body("demo", "x")).status == 401)
        let carol = try server.store.addMember("carol")
        try server.store.revoke("carol")
        #expect(try await server.client(carol).request("GET", "/api/submissions").status == 401)

        // Malformed JSON and a missing field: 400 saying what is wrong.
        let malformed = try await client.request("POST", "/api/submissions", body: Data("{\"exercise\": ".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.errorMessage.contains("not valid JSON"))
        let missing = try await client.request("POST", "/api/submissions", body: Data(#"{"exercise": "demo"}"#.utf8))
        #expect(missing.status == 400)
        #expect(missing.errorMessage.contains("source"))
        let unknown = try await client.request("POST", "/api/submissions", body: body("no-such", "x"))
        #expect(unknown.status == 400)

        // Too large.
        let huge = try await client.request("POST", "/api/submissions", body: body("demo", String(repeating: "x", count: 10_000)))
        #expect(huge.status == 413)

        // Bob's submission is invisible to Ada; the leader sees it.
        let receipt = try await server.client(bob).submit(SubmissionUpload(exercise: "demo", source: "PASS"))
        #expect(try await client.request("GET", "/api/submissions/\(receipt.id)").status == 404)
        #expect(try await server.client(server.leaderToken).request("GET", "/api/submissions/\(receipt.id)").status == 200)
        let graded = try await server.client(bob).waitUntilGraded(receipt.id, timeout: 30, interval: 0.05)
        #expect(graded.passed == true)
        #expect(graded.verdict?.contains("\"status\":\"pass\"") == true)

        // Rate limit: a burst of 3, then 429 with Retry-After.
        for _ in 0..<3 { #expect(try await client.request("POST", "/api/submissions", body: body("demo", "x")).status == 202) }
        let limited = try await client.request("POST", "/api/submissions", body: body("demo", "x"))
        #expect(limited.status == 429)
        #expect(Int(limited.retryAfter ?? "") ?? 0 >= 1)
        // Ada's list holds only her own three.
        let list = try await client.request("GET", "/api/submissions")
        let mine = try GroupJSON.decoder.decode([Submission].self, from: list.body)
        #expect(mine.count == 3)
        #expect(mine.allSatisfy { $0.member == "ada" })
    }

    /// Each of 50 uploads graded exactly once while `/api/status` keeps answering.
    static func fiftyConcurrentSubmissions(on database: TestDatabase) async throws {
        let counter = GradeCounter()
        let server = try await TestServer(database: database, grading: SimulatedGrading(seconds: 0.05, onGrade: { counter.record($0.id) }), workers: 4)
        defer { Task { await server.stop() } }
        let tokens = try (0..<10).map { try server.store.addMember("member\($0)") }
        let receipts = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for index in 0..<50 {
                let token = tokens[index % 10]
                group.addTask {
                    let receipt = try await server.client(token).submit(SubmissionUpload(exercise: "demo", source: index % 2 == 0 ? "PASS \(index)" : "no \(index)"))
                    return (token, receipt.id)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.count == 50)
        #expect(Set(receipts.map(\.1)).count == 50)
        // While grading, the server keeps answering, and every submission is in exactly one state.
        // (No timing is asserted: CI machines are loaded. The suite's time limit catches a hang.)
        while try server.store.countByStatus()[.done] ?? 0 < 50 {
            let status = try await server.client(server.leaderToken).request("GET", "/api/status")
            #expect(status.status == 200)
            let counts = try JSONDecoder().decode([String: Int].self, from: status.body)
            #expect(counts.values.reduce(0, +) == 50, "\(counts)")
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        for (token, id) in receipts {
            let done = try await server.client(token).submission(id)
            #expect(done.status == .done)
            #expect(done.attempts == 1)
        }
        let counts = counter.snapshot
        #expect(counts.count == 50)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(try server.store.submissions().filter { $0.passed == true }.count == 25)
    }
}
