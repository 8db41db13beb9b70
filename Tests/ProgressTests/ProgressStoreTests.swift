import Foundation
@testable import Progress
import Testing

@Suite struct ProgressStoreTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
    }

    @Test func emptyWhenNothingSaved() throws {
        let store = try ProgressStore(directory: dir)
        #expect(try store.load() == CourseProgress())
    }

    @Test func updateRoundTrips() throws {
        let store = try ProgressStore(directory: dir)
        try store.update {
            $0.markSectionRead(lesson: "neural-networks", section: 0)
            $0.markSectionRead(lesson: "neural-networks", section: 2)
            $0.recordAttempt(exercise: "value-backward", passed: false, score: 1, maxScore: 3)
            $0.recordAttempt(exercise: "value-backward", passed: true, score: 3, maxScore: 3)
            $0.recordAttempt(exercise: "value-backward", passed: false, score: 0, maxScore: 3)
        }
        let loaded = try store.load()
        #expect(loaded.sectionsRead(in: "neural-networks") == [0, 2])
        #expect(loaded.lastLesson == "neural-networks")
        let record = try #require(loaded.exercises["value-backward"])
        #expect(record.attempts == 3)
        #expect(record.bestScore == 3)
        #expect(record.passed, "a later failure must not undo a pass")
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func damagedFileIsKeptAsBackupAndReported() throws {
        let store = try ProgressStore(directory: dir)
        try Data("{ this is not json".utf8).write(to: store.fileURL)
        #expect {
            _ = try store.load()
        } throws: { error in
            guard case ProgressError.damaged(_, let backup, _) = error else { return false }
            return (try? String(contentsOfFile: backup, encoding: .utf8)) == "{ this is not json"
        }
        // After the report the learner starts afresh, and the backup stays.
        #expect(try store.load() == CourseProgress())
        let backups = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("progress.damaged-") }
        #expect(backups.count == 1)
    }

    @Test func newerFormatIsNotOverwritten() throws {
        let store = try ProgressStore(directory: dir)
        try Data(#"{"version": 99, "sectionsRead": {}, "exercises": {}}"#.utf8).write(to: store.fileURL)
        #expect(throws: ProgressError.newerFormat(path: store.fileURL.path, version: 99)) { try store.load() }
        #expect(FileManager.default.fileExists(atPath: store.fileURL.path))
    }

    @Test func aNewerFormatThatDoesNotDecodeHereIsLeftUntouched() throws {
        let store = try ProgressStore(directory: dir)
        // A later version may change the shape of its fields: still not "damaged".
        let text = #"{"version": 7, "sections": [["rag", 1]], "exercises": [{"id": "tf-idf"}]}"#
        try Data(text.utf8).write(to: store.fileURL)
        #expect(throws: ProgressError.newerFormat(path: store.fileURL.path, version: 7)) { try store.load() }
        #expect(try String(contentsOf: store.fileURL, encoding: .utf8) == text)
        let backups = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("progress.damaged-") }
        #expect(backups.isEmpty)
    }

    @Test func aFolderInPlaceOfTheFileIsReportedInWords() throws {
        let store = try ProgressStore(directory: dir)
        try FileManager.default.createDirectory(at: store.fileURL, withIntermediateDirectories: true)
        #expect(throws: ProgressError.cannotRead(store.fileURL.path, reason: "it is a folder, not a file")) { try store.load() }
    }

    @Test func concurrentUpdatesAreNotLost() throws {
        let store = try ProgressStore(directory: dir)
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            _ = try? store.update { $0.markSectionRead(lesson: "l", section: i) }
        }
        #expect(try store.load().sectionsRead(in: "l").count == 40)
    }

    @Test func hintsAreCountedUpToTheNumberAvailable() throws {
        var p = CourseProgress()
        #expect(p.revealHint(exercise: "x", available: 2) == 1)
        #expect(p.revealHint(exercise: "x", available: 2) == 2)
        #expect(p.revealHint(exercise: "x", available: 2) == 2)
    }

    @Test func stateDirectoryComesFromTheEnvironmentFirst() {
        let root = URL(fileURLWithPath: "/course")
        #expect(ProgressStore.defaultDirectory(courseRoot: root, environment: [:]).path == "/course/.llmcourse")
        #expect(ProgressStore.defaultDirectory(courseRoot: root, environment: ["LLMCOURSE_STATE_DIR": "/tmp/s"]).path == "/tmp/s")
    }
}
