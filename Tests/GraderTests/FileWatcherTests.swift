import Console
import Foundation
@testable import Grader
import Testing

@Suite("Watching for saves")
struct FileWatcherTests {
    /// Saves the way editors do: in place, and by renaming a new file over the old one.
    @Test(arguments: [false, true])
    func savesAreNoticedWithEventsAndByPolling(polling: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Learner.swift")
        try "let a = 1\n".write(to: file, atomically: false, encoding: .utf8)

        let watcher = FileWatcher(files: [file], forcePolling: polling)
        #expect(watcher.mechanism == (polling ? .polling : .inotify))
        #expect(!watcher.changed())

        try "let a = 2\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(watcher.changed())
        #expect(!watcher.changed())

        try "let a = 30\n".write(to: file, atomically: true, encoding: .utf8)   // write elsewhere, rename over
        #expect(watcher.changed())

        try "unrelated".write(to: folder.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        #expect(!watcher.changed())
    }
}
