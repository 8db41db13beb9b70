import Foundation

/// Fixture courses live beside the tests, found from this file's path (no bundle resources).
enum FixturePaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func course(_ name: String) -> URL { fixtures.appendingPathComponent("courses").appendingPathComponent(name) }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Copies a fixture course to a temporary folder, so a test may change it.
    static func copyOfCourse(_ name: String) throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: course(name), to: dir)
        return dir
    }
}
