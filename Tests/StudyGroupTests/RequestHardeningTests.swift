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
