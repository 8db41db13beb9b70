import Foundation
import StudyGroup
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hundreds of sockets that never send a request (or stall half-way through the head) must
/// neither use up the server's descriptors nor keep members from being served.
@Suite("Study-group server under idle sockets", .serialized, .timeLimit(.minutes(3)))
struct IdleSocketTests {
    @Test func idleSocketsAreClosedWhileMembersAreStillServed() async throws {
        let counter = GradeCounter()
        let cap = 50
        // The idle timeout is short enough for the test to see it close the flood, and long enough
        // that a member's kept-alive connection is not closed under it on a loaded machine (a
        // reused connection the server has just closed fails its upload with "connection reset").
        let server = try await TestServer(grading: SimulatedGrading(seconds: 0, onGrade: { counter.record($0.id) }), workers: 2,
                                          idleTimeout: 5, maxConnections: cap)
        defer { Task { await server.stop() } }
        let token = try server.store.addMember("ada")
        let port = try #require(server.url.port)

        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        for _ in 0..<290 { sockets.append(try RawSocket.connect(port: port)) }
        // Slow-loris style: a request head that is never finished.
        for _ in 0..<10 {
            let fd = try RawSocket.connect(port: port)
            RawSocket.send("POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le", on: fd)
            sockets.append(fd)
        }

        // The flood outruns the server's accept backlog (256), so the kernel hands some of it over
        // late; wait until the server has accepted every socket, so the members'
        // connections below come after the flood rather than racing it. (Bounded polling.)
        for _ in 0..<1200 where server.server.connections.acceptedCount < sockets.count {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        // Six times the cap is open from the clients' side, and uploads are still accepted and graded.
        var ids: [Int] = []
        for index in 0..<5 {
            let receipt = try await server.client(token).submit(SubmissionUpload(exercise: "demo", source: "PASS \(index)"))
            ids.append(receipt.id)
        }
        for id in ids {
            let done = try await server.client(token).waitUntilGraded(id, timeout: 60, interval: 0.05)
            #expect(done.passed == true)
        }
        #expect(counter.snapshot == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }), "each graded once")
        #expect(server.server.connections.openCount <= cap)
        #expect(server.server.connections.shedCount > 0, "the cap made room by closing idle sockets")

        // Every idle or stalled socket is closed by the server: shed at the cap or timed out.
        // (Bounded polling; the time it takes is not asserted.)
        var open = Set(sockets)
        for _ in 0..<1200 where !open.isEmpty {
            open = open.filter { !RawSocket.isClosedByServer($0) }
            if !open.isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        #expect(open.isEmpty, "\(open.count) of \(sockets.count) idle sockets were still open")
        // And the server still answers after the flood.
        #expect(try await server.client(token).request("GET", "/api/status").status == 200)
    }

    @Test func theConnectionCapLeavesRoomForTheDatabaseAndTheGrader() {
        // Plenty of descriptors: the requested cap stands.
        #expect(FileDescriptorLimit.connectionCap(requested: 1000, limit: 1 << 20, workers: 2) == 1000)
        // A hard limit of 1024 cannot hold 1000 connections next to the database and grading.
        let tight = FileDescriptorLimit.connectionCap(requested: 1000, limit: 1024, workers: 2)
        #expect(tight == 1024 - FileDescriptorLimit.reserve(workers: 2))
        #expect(FileDescriptorLimit.connectionCap(requested: 1000, limit: 40, workers: 2) == 16)
        // Raising the soft limit reaches the hard one (capped at 2^20).
        let limits = FileDescriptorLimit.current
        #expect(FileDescriptorLimit.raiseToHardLimit() == min(limits.hard, 1 << 20))
    }
}
