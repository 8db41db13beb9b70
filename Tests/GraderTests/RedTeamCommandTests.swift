import Foundation
import Testing

/// `llmcourse redteam` on the tiny fixture model (random weights: what it answers is noise, so
/// the probes below pass or fail by construction, not by luck).
@Suite("The redteam command", .serialized)
struct RedTeamCommandTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redteam-\(UUID().uuidString)")
    static let tinyModel = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny")

    /// A state folder of its own, so a language chosen with `llmcourse config lang` elsewhere does not apply.
    static let environment = CommandLineTests.environment(state: folder.appendingPathComponent("state"))

    func redteam(_ probes: String, _ arguments: [String] = []) throws -> CommandLineTests.Run? {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let file = Self.folder.appendingPathComponent("probes-\(UUID().uuidString).jsonl")
        try probes.write(to: file, atomically: true, encoding: .utf8)
        return try CommandLineTests.runBinary(["redteam", Self.tinyModel.path, "--probes", file.path, "--max-new-tokens", "4"] + arguments,
                                              environment: Self.environment)
    }

    @Test("rates per category, as a table and as JSON")
    func report() throws {
        let probes = """
        {"category": "never said", "prompt": "Hello there", "forbidden": ["zzqqzzqq"]}
        {"category": "never said", "system": "Be brief.", "prompt": "Tell me", "forbidden": ["zzqqzzqq"]}
        {"category": "must say", "prompt": "Hello", "required": ["zzqqzzqq"]}
        """
        guard let run = try redteam(probes, ["--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let record = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        let categories = try #require(record["categories"] as? [[String: Any]])
        #expect(categories.map { $0["category"] as? String } == ["never said", "must say"])
        #expect(categories.map { $0["passed"] as? Int } == [2, 0] && categories.map { $0["probes"] as? Int } == [2, 1])
        #expect((record["failures"] as? [[String: Any]])?.first?["category"] as? String == "must say")

        let table = try #require(try redteam(probes))
        #expect(table.output.contains("never said") && table.output.contains("100.0%") && table.output.contains("failed [must say]"), "\(table.output)")
    }

    @Test("a bad probe file is refused with its line and the fix")
    func badFile() throws {
        guard let run = try redteam("{\"category\": \"x\", \"prompt\": \"hi\", \"refuse\": true}\n{broken") else { return }
        #expect(run.status != 0 && run.errors.contains("line 2: it is not a JSON object"), "\(run.errors)")
        let nothing = try #require(try redteam("{\"category\": \"x\", \"prompt\": \"hi\"}"))
        #expect(nothing.status != 0 && nothing.errors.contains("line 1: nothing to check"), "\(nothing.errors)")
        let missing = try #require(try CommandLineTests.runBinary(["redteam", Self.tinyModel.path, "--probes", "/nonexistent/probes.jsonl"],
                                                                  environment: Self.environment))
        #expect(missing.status != 0 && missing.errors.contains("Cannot read the probe file"), "\(missing.errors)")
    }
}
