import Foundation
import Testing

/// The model commands as a learner runs them (the built `llmcourse`): plain output that a file
/// or a pipe can take, and errors that name the file.
@Suite("Model commands")
struct ModelCommandLineTests {
    static let models = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures")

    func llmcourse(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try CommandLineTests.runBinary(arguments, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C"])
    }

    @Test func generatedTextEndsItsLineAndTheSummaryGoesToStandardError() throws {
        let model = Self.models.appendingPathComponent("gpt2-tiny").path
        guard let run = try llmcourse(["generate", model, "hello", "--max-new-tokens", "3", "--seed", "1"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("hello") && run.output.hasSuffix("\n"), "\(run.output.debugDescription)")
        #expect(!run.output.contains("tokens/s") && run.errors.contains("tokens"), "the summary is not part of the text")
    }

    @Test func aFolderWithoutAModelIsNamedWithWhatItHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let run = try llmcourse(["generate", folder.path, "hello"]) else { return }
        #expect(run.status != 0)
        #expect(run.errors.contains("config.json not found in \(folder.path)") && run.errors.contains("the folder is empty"), "\(run.errors)")
        #expect(!run.errors.contains("Usage") && !run.errors.contains("doesn’t exist"), "no generic usage, no Foundation wording")
    }
}
