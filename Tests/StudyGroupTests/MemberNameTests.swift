import Foundation
@testable import StudyGroup
import Testing

/// What a member may be called (``MemberName``), that every allowed name's history link in
/// the gradebook opens that member's page, and that a revoked member can be given a new token.
@Suite("Study-group member names", .serialized, .timeLimit(.minutes(2)))
struct MemberNameTests {
    static let allowed = ["ada", "Ada Lovelace", "José", "李小龍", "o'neil", "x.y", "...", "a-b_c", String(repeating: "n", count: 64)]

    @Test func namesAreNormalisedAndRefusedWithAReason() throws {
        // "José" typed with a combining accent is stored precomposed (NFC).
        #expect(try MemberName.validated("Jose\u{301}") == "Jos\u{E9}")
        #expect(try MemberName.validated("Jose\u{301}").unicodeScalars.count == 4)
        #expect(try MemberName.validated("  ada  ") == "ada")
        for name in Self.allowed { #expect(try MemberName.validated(name) == name) }
        let refused = [".", "..", "", "   ", "a/b", "a\\b", "50%", "ada\u{0}", "tab\there", "\u{202E}evil", "zero\u{200B}width",
                       String(repeating: "n", count: 65)]
        for name in refused {
            #expect(throws: DatabaseError.self, "\(name.debugDescription) is refused") { try MemberName.validated(name) }
        }
        do {
            _ = try MemberName.validated("\u{202E}evil")
        } catch let error as DatabaseError {
            #expect(error.message.contains("U+202E"))
            #expect(!error.message.contains("\u{202E}"), "the message cannot be garbled by the character it refuses")
        }
    }

    @Test func everyMembersHistoryLinkOpensTheirPage() async throws {
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0))
        defer { Task { await server.stop() } }
        for name in Self.allowed {
            _ = try server.store.addMember(name)
            let member = try #require(try server.store.member(named: name))
            _ = try server.store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "submitted by \(name)")
        }
        let leader = server.client(server.leaderToken)
        let gradebook = try await leader.request("GET", "/gradebook")
        #expect(gradebook.status == 200)
        let links = Set(gradebook.text.matches(of: /href="(\/gradebook\/members\/[^"]*)"/).map { String($0.output.1) })
        for name in Self.allowed {
            #expect(links.contains("/gradebook/members/\(GradebookPages.percent(name))"), "\(name): \(links.sorted())")
        }
        for link in links {
            let page = try await leader.request("GET", link)
            #expect(page.status == 200, "\(link)")
            #expect(page.text.contains("Submissions of "), "\(link)")
        }
        // The page found is the right member's.
        let jose = try await leader.request("GET", "/gradebook/members/\(GradebookPages.percent("José"))")
        #expect(jose.text.contains("Submissions of José"))
    }

    @Test func aRevokedMemberAddedAgainGetsANewToken() async throws {
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0))
        defer { Task { await server.stop() } }
        let old = try server.store.addMember("ada")
        // An active member cannot be added twice; the refusal says how to issue a new token.
        do {
            _ = try server.store.addMember("ada")
            Issue.record("ada was added twice")
        } catch let error as DatabaseError {
            #expect(error.message.contains("revoke ada"))
        }
        try server.store.revoke("ada")
        let new = try server.store.addMember("ada")
        #expect(new != old)
        #expect(try server.store.authenticate(token: old) == nil)
        #expect(try server.store.authenticate(token: new)?.name == "ada")
        #expect(try server.store.members().filter { $0.name == "ada" }.count == 1, "the same member, not a second one")
        #expect(try await server.client(new).request("GET", "/api/submissions").status == 200)
        #expect(try await server.client(old).request("GET", "/api/submissions").status == 401)
    }
}
