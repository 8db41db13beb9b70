import Foundation
import Testing

/// `llmcourse generate --json-schema/--regex` as a learner runs it: every sample fits, and a
/// schema the subset cannot handle is refused with the keyword and its path.
@Suite("Generate with a grammar")
struct StructuredGenerateCommandTests {
    static let model = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny").path

    func llmcourse(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try CommandLineTests.runBinary(arguments, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C", "LLMCOURSE_LANG": "en"])
    }

    func schemaFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func sampledTextMatchesTheRegexAndTheSchema() throws {
        for seed in ["1", "2", "3"] {
            guard let run = try llmcourse(["generate", Self.model, "answer: ", "--regex", "(yes|no|[0-9]{2})", "--temperature", "1", "--seed", seed]) else { return }
            #expect(run.status == 0, "\(run.errors)")
            let answer = run.output.dropFirst("answer: ".count).trimmingCharacters(in: .newlines)
            #expect(["yes", "no"].contains(answer) || (answer.count == 2 && answer.allSatisfy(\.isNumber)), "\(run.output.debugDescription)")
        }
        let path = try schemaFile(#"{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let run = try llmcourse(["generate", Self.model, "x", "--json-schema", path, "--temperature", "1"]) else { return }
        let text = run.output.dropFirst().trimmingCharacters(in: .newlines)
        #expect([#"{"ok":true}"#, #"{"ok":false}"#].contains(text), "\(run.output.debugDescription)")
    }

    @Test func anUnsupportedKeywordIsNamedWithItsPath() throws {
        let path = try schemaFile(#"{"type":"object","properties":{"age":{"type":"integer","minimum":0}}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let run = try llmcourse(["generate", Self.model, "x", "--json-schema", path]) else { return }
        #expect(run.status != 0)
        #expect(run.errors.contains(#"$.properties.age: "minimum" is not supported; supported: type"#), "\(run.errors)")
        guard let both = try llmcourse(["generate", Self.model, "x", "--json-schema", path, "--regex", "a"]) else { return }
        #expect(both.errors.contains("Give --json-schema or --regex, not both."), "\(both.errors)")
    }
}
