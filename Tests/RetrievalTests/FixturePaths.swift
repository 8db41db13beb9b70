import Foundation

/// Fixture files beside the tests (found from this file's path, no bundle resources).
enum FixturePaths {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}
