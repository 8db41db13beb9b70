import Foundation
import StudyGroup
import Testing

@Suite("Group store")
struct GroupStoreTests {
    func temporaryStore() throws -> (GroupStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-store-\(UUID().uuidString)")
        return (try GroupStore(path: folder.appendingPathComponent("g.sqlite").path), folder)
    }

    @Test func tokensAreStoredOnlyAsHashesAndRevocationWorks() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = try store.addMember("ada")
        #expect(token.count == 64)
        #expect(try store.authenticate(token: token)?.name == "ada")
        #expect(try store.authenticate(token: token + "x") == nil)
        let stored = try store.database.query("SELECT token_hash FROM members WHERE name = 'ada'").first?["token_hash"].string
        #expect(stored == MemberToken.hash(token))
        #expect(stored != token)
        // The SHA-256 of "abc" (FIPS 180-2 example), so the hash is the standard one.
        #expect(MemberToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        try store.revoke("ada")
        #expect(try store.authenticate(token: token) == nil)
        #expect(throws: DatabaseError.self) { try store.addMember("no/slash") }
        // Adding a revoked member again reinstates them with a new token.
        let again = try store.addMember("ada")
        #expect(again != token)
        #expect(try store.authenticate(token: again)?.name == "ada")
        #expect(throws: DatabaseError.self) { try store.addMember("ada") }
    }

    @Test func theLeaderIsCreatedOnce() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let token = try #require(try store.ensureLeader())
        #expect(try store.ensureLeader() == nil)
        #expect(try store.authenticate(token: token)?.role == .leader)
    }

    @Test func aClaimedJobIsNotClaimedAgainAndACrashRequeuesIt() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try store.addMember("ada")
        let member = try #require(try store.members().first)
        let first = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "a")
        let second = try store.enqueue(memberID: member.id, exercise: "demo", fileName: "Demo.swift", source: "b")
        #expect(try store.claimNext(worker: "w1")?.id == first)
        #expect(try store.claimNext(worker: "w2")?.id == second)
        #expect(try store.claimNext(worker: "w3") == nil)
        try store.complete(first, GradingResult(verdictJSON: "{}", passed: true, score: 1, maxScore: 1))
        // The second was running when the "server" stopped.
        #expect(try store.requeueInterrupted() == 1)
        let again = try #require(try store.claimNext(worker: "w4"))
        #expect(again.id == second)
        #expect(again.source == "b")
        #expect(try store.submission(second)?.attempts == 2)
        #expect(try store.submission(first)?.status == .done)
        #expect(try store.submission(first)?.passed == true)
    }
}
