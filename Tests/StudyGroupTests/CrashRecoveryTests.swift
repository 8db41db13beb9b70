import Foundation
import StudyGroup
import Testing

/// `llmcourse group serve` as a child process, killed with SIGKILL mid-grading and restarted.
@Suite("Study-group server crash recovery", .serialized, .timeLimit(.minutes(3)))
struct CrashRecoveryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `llmcourse` built beside the test bundle.
    static var executable: URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("llmcourse")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    final class ServerProcess: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var output = ""

        init(executable: URL, arguments: [String]) throws {
            process.executableURL = executable
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                guard let self else { return }
                self.lock.lock(); self.output += text; self.lock.unlock()
            }
            try process.run()
        }

        var text: String { lock.lock(); defer { lock.unlock() }; return output }

        /// Waits for the "Study group at http://127.0.0.1:<port>/" line.
        func url(timeout: Double = 300) async throws -> URL {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let range = text.range(of: #"Study group at http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    return URL(string: String(text[range].dropFirst("Study group at ".count)))!
                }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            throw GroupClient.ClientError(description: "the server did not start; its output: \(text)")
        }

        func kill() {
            guard process.isRunning else { return }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func submissionsRunningOrQueuedAtACrashAreGradedAfterTheRestart() async throws {
        guard let executable = Self.executable else {
            print("skipped: no llmcourse executable beside the test bundle (run `swift build` first)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "<h1>site</h1>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("group.sqlite").path
        let token = try GroupStore(path: database).addMember("ada")
        let arguments = ["group", "serve", "--course", Self.packageRoot.path, "--database", database, "--port", "0",
                         "--workers", "1", "--site", site.path, "--simulated-grading", "15.0"]

        let first = try ServerProcess(executable: executable, arguments: arguments)
        defer { first.kill() }  // already killed on success; this covers a failed expectation
        let client = GroupClient(server: try await first.url(), token: token)
        // The first upload is being graded (15 s each, one worker) while the others arrive, so at
        // the crash exactly one submission is running, however slowly the machine uploads.
        var ids = [try await client.submit(SubmissionUpload(exercise: "demo", source: "PASS 0")).id]
        let store = try GroupStore(path: database)
        // Generous waits: with the whole suite running beside it on two cores, the server can take
        // minutes to start and claim; the waits end as soon as the state is reached.
        let deadline = Date().addingTimeInterval(300)
        while try store.countByStatus()[.running] ?? 0 == 0, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        for index in 1..<4 { ids.append(try await client.submit(SubmissionUpload(exercise: "demo", source: "PASS \(index)")).id) }
        first.kill()
        let atCrash = try store.countByStatus()
        #expect(atCrash[.running] == 1, "one submission was being graded at the crash")
        // How many were still queued depends on how fast the uploads went; each state is checked below.
        #expect(atCrash.values.reduce(0, +) == 4)
        let stateAtCrash = Dictionary(uniqueKeysWithValues: try store.submissions().map { ($0.id, $0.status) })

        let second = try ServerProcess(executable: executable, arguments: arguments)
        defer { second.kill() }
        let restarted = GroupClient(server: try await second.url(), token: token)
        for id in ids {
            let done = try await restarted.waitUntilGraded(id, timeout: 300, interval: 0.1)
            #expect(done.passed == true)
            // The one cut short is graded again; the others exactly once.
            #expect(done.attempts == (stateAtCrash[id] == .running ? 2 : 1), "submission \(id), \(String(describing: stateAtCrash[id])) at the crash")
        }
        #expect(second.text.contains("Re-queued 1 submission"))
        #expect(try store.database.query("PRAGMA integrity_check").first?["integrity_check"].string == "ok")
        #expect(try store.countByStatus()[.done] == 4)
        #expect(try store.submissions().count == 4)
    }
}
