import Console
import Foundation
import Grader
import StudyGroup
import Testing

/// Submissions graded by the real exercise harness: compiled on their own against the course
/// library and run in the harness's sandbox.
@Suite("Study-group grading with the real harness", .serialized, .timeLimit(.minutes(5)))
struct HarnessGradingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aSolutionPassesAndAHostileFileCannotTouchTheServersFiles() async throws {
        guard let kit = CourseKit.find(courseRoot: Self.packageRoot) else {
            print("skipped: no prebuilt course library (run `swift build --product LLMCourseKit` first)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("group-harness-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalog = try ExerciseCatalog.load(courseRoot: Self.packageRoot)
        let sandbox = Sandbox.detect()
        let grader = Grader(catalog: catalog, workspace: Workspace(folder: scratch.appendingPathComponent("workspace")), kit: kit,
                            sandbox: sandbox, store: nil, buildFolder: scratch.appendingPathComponent("build"))
        let server = try await TestServer(grading: HarnessGrading(grader: grader, uploads: scratch.appendingPathComponent("uploads")), workers: 2)
        defer { Task { await server.stop() } }
        let token = try server.store.addMember("ada")
        let client = server.client(token)

        let solution = try String(contentsOf: Self.packageRoot.appendingPathComponent("Exercises/matmul-loops/Solution.swift"), encoding: .utf8)
        let database = server.folder.appendingPathComponent("group.sqlite").path
        let marker = server.folder.appendingPathComponent("written-by-submission").path
        let hostile = """
        import Foundation
        func matmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
            _ = unlink("\(database)")
            FileManager.default.createFile(atPath: "\(marker)", contents: Data("x".utf8))
            return a
        }
        """
        let good = try await client.submit(SubmissionUpload(exercise: "matmul-loops", source: solution))
        let bad = try await client.submit(SubmissionUpload(exercise: "matmul-loops", source: hostile))
        let broken = try await client.submit(SubmissionUpload(exercise: "matmul-loops", source: "func matmul(_ a: [[Float]]) -> Int { return \"x\" }\n"))
        let passed = try await client.waitUntilGraded(good.id, timeout: 240, interval: 0.2)
        let refused = try await client.waitUntilGraded(bad.id, timeout: 240, interval: 0.2)
        let compileError = try await client.waitUntilGraded(broken.id, timeout: 240, interval: 0.2)

        // The compiler's message names the file, not the server's folders.
        let brokenVerdict = try #require(compileError.verdict)
        #expect(compileError.passed == false)
        #expect(brokenVerdict.contains("Matmul.swift"), "\(brokenVerdict)")
        for folder in [scratch.path, scratch.resolvingSymlinksInPath().path, Self.packageRoot.path, server.folder.path] {
            #expect(!brokenVerdict.contains(folder), "\(folder) in \(brokenVerdict)")
        }

        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(try #require(passed.verdict).utf8))
        #expect(verdict.status == .pass, "\(passed.verdict ?? "")")
        #expect(verdict.isolation == sandbox.mode.rawValue)
        #expect(passed.score == verdict.score)
        #expect(refused.passed == false)
        // The same renderer `llmcourse check` uses reads the stored verdict.
        #expect(VerdictRenderer(style: Palette(color: false)).render(verdict).contains("matmul"))
        if sandbox.mode != .limitsOnly {
            #expect(FileManager.default.fileExists(atPath: database))
            #expect(!FileManager.default.fileExists(atPath: marker))
        } else {
            print("note: no bubblewrap/unshare sandbox here; file isolation not asserted")
        }
        #expect(try server.store.countByStatus()[.done] == 3)
    }
}
