import Foundation

/// Fixture files beside the tests (found from this file's path, no bundle resources).
enum FixturePaths {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The tiny Hugging Face checkpoints the Transformers tests carry.
    static let transformersFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TransformersTests/Fixtures")
}
