import Foundation
@testable import StudyGroup
import Testing

/// Small holes: the status counts need a token, a NUL in an upload is refused rather than
/// cut short in storage, and verdicts never show the server's own folders.
@Suite("Study-group request hardening", .serialized, .timeLimit(.minutes(2)))
struct RequestHardeningTests {
    @Test func statusNeedsAToken() async throws {
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0))
        defer { Task { await server.stop() } }
        let anonymous = try await server.client("").request("GET", "/api/status")
        #expect(anonymous.status == 401)
        #expect(anonymous.errorMessage.contains("token"))
        let member = server.client(try server.store.addMember("ada"))
        #expect(try await member.request("GET", "/api/status").status == 200)
    }

    @Test func aNULInAnUploadIsRefusedWithItsLine() async throws {
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0))
        defer { Task { await server.stop() } }
        let client = server.client(try server.store.addMember("ada"))
        let body = try JSONEncoder().encode(SubmissionUpload(exercise: "demo", source: "let a = 1\nlet b = 2\u{0}// PASS\n"))
        let reply = try await client.request("POST", "/api/submissions", body: body)
        #expect(reply.status == 400)
        #expect(reply.errorMessage.contains("NUL") && reply.errorMessage.contains("line 2"), "\(reply.text)")
        #expect(try server.store.submissions().isEmpty, "nothing stored")
    }

    /// Simulated grading whose server folder is /srv/secret.
    struct GradingWithFolders: SubmissionGrading {
        let inner = SimulatedGrading(seconds: 0)
        func fileName(for exercise: String) -> String? { inner.fileName(for: exercise) }
        var exerciseIDs: [String] { inner.exerciseIDs }
        func grade(_ job: GradingJob) async -> GradingResult { await inner.grade(job) }
        func redactPaths(_ verdictJSON: String, submission id: Int) -> String {
            PathRedaction([(URL(fileURLWithPath: "/srv/secret/submission-\(id)"), "")]).apply(verdictJSON)
        }
    }

    @Test func aVerdictStoredWithServerFoldersIsShownWithout() async throws {
        let server = try await TestServer(grading: GradingWithFolders(), workers: 1)
        defer { Task { await server.stop() } }
        let token = try server.store.addMember("ada")
        let ada = try #require(try server.store.member(named: "ada"))
        // A verdict stored as older servers stored them, by a worker that is not running here.
        let id = try server.store.enqueue(memberID: ada.id, exercise: "demo", fileName: "Demo.swift", source: "x")
        _ = try server.store.database.query("UPDATE submissions SET status = 'running', worker = 'old/0', lease_until = 1e12 WHERE id = ?", [.integer(Int64(id))])
        let verdict = #"{"status":"error","message":"/srv/secret/submission-\#(id)/Demo.swift:1:1: error: nope","tests":[]}"#
        try server.store.complete(id, GradingResult(verdictJSON: verdict, passed: false, score: 0, maxScore: 1), worker: "old/0")

        let api = try await server.client(token).request("GET", "/api/submissions/\(id)")
        #expect(api.status == 200)
        let shown = try #require(try GroupJSON.decoder.decode(Submission.self, from: api.body).verdict)
        #expect(!shown.contains("/srv/secret") && shown.contains("Demo.swift:1:1: error: nope"), "\(shown)")
        let page = try await server.client(token).request("GET", "/me")
        #expect(!page.text.contains("/srv/secret") && page.text.contains("Demo.swift:1:1: error: nope"), "\(page.text)")
    }

    @Test func serverFoldersAreReplacedInVerdictText() {
        let uploads = URL(fileURLWithPath: "/srv/course/.llmcourse/group-uploads")
        let redaction = PathRedaction([
            (uploads.appendingPathComponent("submission-7"), ""),
            (uploads, "<uploads>"),
            (URL(fileURLWithPath: "/srv/course"), "<course>"),
        ])
        let verdict = #"{"message":"/srv/course/.llmcourse/group-uploads/submission-7/Matmul.swift:3:5: error: x\n/srv/course/Sources/K.swift:1: note","escaped":"\/srv\/course\/.llmcourse\/group-uploads\/submission-8\/A.swift"}"#
        let redacted = redaction.apply(verdict)
        #expect(!redacted.contains("/srv"), "\(redacted)")
        #expect(redacted.contains(#""message":"Matmul.swift:3:5: error: x"#))
        #expect(redacted.contains("<course>/Sources/K.swift:1: note"))
        #expect(redacted.contains(#"<uploads>\/submission-8\/A.swift"#))
        // A longer name that merely starts like a folder is left alone.
        #expect(PathRedaction([(URL(fileURLWithPath: "/root"), "~")]).apply("/rootfs/x and /root/y") == "/rootfs/x and ~/y")
    }
}
