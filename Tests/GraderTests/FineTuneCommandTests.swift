import Foundation
import Testing

/// `llmcourse finetune` end to end on the tiny fixture model: a recipe in a folder of its own,
/// the adapter it writes, `generate --adapter` using it, and recipes that must be refused.
@Suite("The finetune command", .serialized)
struct FineTuneCommandTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("finetune-\(UUID().uuidString)")
    static let tinyModel = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny")
    static let environment = CommandLineTests.environment(state: folder.appendingPathComponent("state"))

    func finetune(_ recipe: String, _ arguments: [String] = []) throws -> CommandLineTests.Run? {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let records = (0..<24).map { #"{"instruction": "Add \#($0 % 5) and \#($0 % 3).", "output": "\#($0 % 5 + $0 % 3)"}"# }
        try records.joined(separator: "\n").write(to: Self.folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
        let file = Self.folder.appendingPathComponent("recipe-\(UUID().uuidString).yaml")
        try recipe.write(to: file, atomically: true, encoding: .utf8)
        return try CommandLineTests.runBinary(["finetune", file.path, "--lang", "en"] + arguments, environment: Self.environment)
    }

    var recipe: String {
        """
        base_model: \(Self.tinyModel.path)
        datasets:
          - path: train.jsonl
            type: alpaca
        chat_template: alpaca
        max_steps: 6
        learning_rate: 0.02
        micro_batch_size: 4
        val_set_size: 0.25
        output_dir: out
        """
    }

    @Test("trains, writes a PEFT adapter and a report, and generate uses the adapter")
    func trains() throws {
        guard let run = try finetune(recipe, ["--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("18 training and 6 validation examples") && run.errors.contains("step 6/6"), "\(run.errors)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        #expect(report["steps"] as? Int == 6 && report["validation_examples"] as? Int == 6)
        #expect((report["validation_loss_after"] as? Double ?? .infinity) < (report["validation_loss_before"] as? Double ?? 0))
        let out = Self.folder.appendingPathComponent("out")
        for name in ["adapter_config.json", "adapter_model.safetensors", "training_report.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let prompt = "### Instruction:\nAdd 1 and 2.\n\n### Response:\n"
        let plain = try #require(try CommandLineTests.runBinary(["generate", Self.tinyModel.path, prompt, "--max-new-tokens", "6"],
                                                                environment: Self.environment))
        let adapted = try #require(try CommandLineTests.runBinary(["generate", Self.tinyModel.path, prompt, "--max-new-tokens", "6",
                                                                   "--adapter", out.path], environment: Self.environment))
        #expect(plain.status == 0 && adapted.status == 0, "\(adapted.errors)")
        #expect(plain.output != adapted.output, "the adapter should change the greedy continuation")
    }

    @Test("a dry run checks and plans without writing anything")
    func dryRun() throws {
        guard let run = try finetune(recipe.replacingOccurrences(of: "output_dir: out", with: "output_dir: dry"), ["--dry-run"]) else { return }
        #expect(run.status == 0 && run.errors.contains("6 steps of 4"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("dry").path))
    }

    @Test("bad recipes are refused with the line, the key and the fix")
    func refused() throws {
        guard let typo = try finetune(recipe + "\nlora_rr: 8") else { return }
        #expect(typo.status != 0 && typo.errors.contains(":11: lora_rr: is not a recipe key") && typo.errors.contains("did you mean lora_r?"),
                "\(typo.errors)")
        let noModel = try #require(try finetune(recipe.replacingOccurrences(of: Self.tinyModel.path, with: "/nonexistent/model")))
        #expect(noModel.status != 0 && noModel.errors.contains("/nonexistent/model"), "\(noModel.errors)")
        let missing = try #require(try CommandLineTests.runBinary(["finetune", "/nonexistent/recipe.yaml"], environment: Self.environment))
        #expect(missing.status != 0 && missing.errors.contains("cannot read the file"), "\(missing.errors)")
        let help = try #require(try CommandLineTests.runBinary(["finetune", "--help"], environment: Self.environment))
        #expect(help.output.contains("lora_target_modules layers to adapt") && help.output.contains("PeftModel.from_pretrained"), "\(help.output)")
    }
}
