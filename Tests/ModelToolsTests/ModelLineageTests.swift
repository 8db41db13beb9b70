import Foundation
import ModelTools
import Testing

/// Family trees read from merge records, PEFT adapter configs and model cards.
@Suite("Model lineage")
struct ModelLineageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gpt2-tiny")

    @Test func aMergeOfAFineTuneAndAnAdapterTracesBackToTheHub() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["base", "math-ft", "code-ft"] { try fm.copyItem(at: Self.fixture, to: root.appendingPathComponent(name)) }
        // base came from the Hub; math-ft says so in its model card; code-ft is a LoRA adapter's merge.
        try "---\nlicense: mit\nbase_model: openai-community/gpt2\n---\n# base\n"
            .write(to: root.appendingPathComponent("base/README.md"), atomically: true, encoding: .utf8)
        try "---\nbase_model:\n- ../base\nbase_model_relation: finetune\n---\n"
            .write(to: root.appendingPathComponent("math-ft/README.md"), atomically: true, encoding: .utf8)
        try #"{"peft_type": "LORA", "base_model_name_or_path": "base", "r": 8, "lora_alpha": 16}"#
            .write(to: root.appendingPathComponent("code-ft/adapter_config.json"), atomically: true, encoding: .utf8)
        let merged = root.appendingPathComponent("out/merged")
        try fm.createDirectory(at: merged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CheckpointMerge(models: [root.appendingPathComponent("math-ft"), root.appendingPathComponent("code-ft")],
                            base: root.appendingPathComponent("base"), method: .ties(density: 0.3)).write(to: merged)

        let tree = ModelLineage.trace(merged)
        #expect(tree.drawn() == """
        merged  (merge: ties, density 0.3, base base)
        ├── math-ft  (finetune (model card))
        │   └── base  (fine-tuned (model card))
        │       └── openai-community/gpt2  (not on this machine)
        ├── code-ft  (LORA adapter, r 8, alpha 16)
        │   └── base  (fine-tuned (model card))
        │       └── openai-community/gpt2  (not on this machine)
        └── base  (fine-tuned (model card))
            └── openai-community/gpt2  (not on this machine)
        """)
        #expect(tree.parents.map { $0.folder?.lastPathComponent } == ["math-ft", "code-ft", "base"])
    }

    @Test func aCycleStopsInsteadOfLoopingForever() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, parent) in [("a", "b"), ("b", "a")] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            try "---\nbase_model: \(parent)\n---\n".write(to: root.appendingPathComponent("\(name)/README.md"), atomically: true, encoding: .utf8)
        }
        let tree = ModelLineage.trace(root.appendingPathComponent("a"))
        #expect(tree.drawn() == "a  (fine-tuned (model card))\n└── b  (fine-tuned (model card))\n    └── a  (…)")
    }

    @Test func aFolderWithoutRecordsHasNoParents() {
        let tree = ModelLineage.trace(Self.fixture)
        #expect(tree.parents.isEmpty && tree.how == nil && tree.name == "gpt2-tiny")
    }
}
