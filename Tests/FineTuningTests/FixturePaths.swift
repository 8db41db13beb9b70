import Foundation

/// Fixture files: this suite's own under `Fixtures/`, the gpt2-tiny checkpoint shared with TransformersTests.
enum Fixtures {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.appendingPathComponent("Fixtures")
    static let gpt2Tiny = here.deletingLastPathComponent().appendingPathComponent("TransformersTests/Fixtures/gpt2-tiny")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func json(_ relative: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relative))) as! [String: Any]
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-finetuning-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
