import Foundation
import Testing

/// `llmcourse quantize` end to end on the tiny fixture checkpoints.
@Suite("The quantize command", .serialized)
struct QuantizeCommandTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quantize-\(UUID().uuidString)")
    static let fixtures = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures")
    static let environment = CommandLineTests.environment(state: folder.appendingPathComponent("state"))

    func quantize(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        return try CommandLineTests.runBinary(["quantize"] + arguments + ["--lang", "en"], environment: Self.environment)
    }

    @Test("writes a GGUF file, reads it back and reports the logit change")
    func writes() throws {
        let out = Self.folder.appendingPathComponent("llama-q4.gguf")
        guard let run = try quantize([Self.fixtures.appendingPathComponent("llama-tiny").path, "--to", "q4_0", "--out", out.path, "--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        #expect(report["type"] as? String == "Q4_0" && report["bytes"] as? Int == 87_008)
        #expect((report["tensors"] as? [String: Int]) == ["Q4_0": 16, "F32": 5])
        #expect(report["matrix_bits_per_weight"] as? Double == 4.5)
        // Q4_0 moves the logits, but not wildly: the check is a real comparison.
        let change = try #require(report["max_logit_change"] as? Double)
        #expect(change > 0.01 && change < 5, "\(change)")
        let bytes = try Data(contentsOf: out)
        #expect(Array(bytes.prefix(4)) == Array("GGUF".utf8))

        let text = try #require(try quantize([Self.fixtures.appendingPathComponent("gpt2-tiny").path, "--to", "f16",
                                              "--out", Self.folder.appendingPathComponent("g.gguf").path]))
        #expect(text.status == 0 && text.output.contains("wrote ") && text.output.contains("16.00 bits per weight"), "\(text.output)")
        #expect(text.output.contains("move by at most"), "\(text.output)")
    }

    @Test("bad requests are refused with the fix")
    func refused() throws {
        guard let type = try quantize([Self.fixtures.appendingPathComponent("gpt2-tiny").path, "--to", "q5"]) else { return }
        #expect(type.status != 0 && type.errors.contains("--to must be f32, f16, q8_0 or q4_0, not \"q5\""), "\(type.errors)")
        let noFolder = try #require(try quantize(["/nonexistent/model", "--to", "q8_0"]))
        #expect(noFolder.status != 0 && noFolder.errors.contains("/nonexistent/model"), "\(noFolder.errors)")
        let unwritable = try #require(try quantize([Self.fixtures.appendingPathComponent("gpt2-tiny").path, "--to", "q8_0",
                                                    "--out", "/proc/no-such-place/x.gguf"]))
        #expect(unwritable.status != 0 && unwritable.errors.contains("Cannot write /proc/no-such-place/x.gguf"), "\(unwritable.errors)")
    }
}
